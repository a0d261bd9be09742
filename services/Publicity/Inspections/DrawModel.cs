namespace Longshan.Publicity.Inspections;

/// <summary>An enforcement officer (执法人员) who may be drawn as an inspector.</summary>
/// <param name="Id">Officer id (e.g. certificate number, 执法证号).</param>
/// <param name="AgencyCode">Credit code of the officer's agency.</param>
/// <param name="CertificateValidUntil">Last day the enforcement certificate (执法证) is valid.</param>
/// <param name="ConflictedTargetIds">Targets the officer must not inspect (回避, conflicts of interest).</param>
/// <param name="CertificateActive">False when the certificate is suspended or revoked.</param>
public sealed record DrawOfficer(
    string Id,
    string AgencyCode,
    DateOnly CertificateValidUntil,
    IReadOnlyCollection<string> ConflictedTargetIds,
    bool CertificateActive = true);

/// <summary>How many targets to draw: a fixed count, or a ratio of the pool rounded up.</summary>
public sealed record DrawSize
{
    private DrawSize(int? count, decimal? ratio)
    {
        Count = count;
        Ratio = ratio;
    }

    /// <summary>Fixed number of targets, or null when a ratio is used.</summary>
    public int? Count { get; }

    /// <summary>Ratio of the pool in (0, 1], or null when a count is used.</summary>
    public decimal? Ratio { get; }

    /// <summary>Draw exactly <paramref name="count"/> targets.</summary>
    public static DrawSize OfCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new DrawSize(count, null);
    }

    /// <summary>Draw ⌈<paramref name="ratio"/> × pool size⌉ targets (e.g. 0.05 of 30 → 2), so any positive ratio draws at least one.</summary>
    public static DrawSize OfRatio(decimal ratio)
    {
        if (ratio is <= 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "Ratio must be in (0, 1].");
        }

        return new DrawSize(null, ratio);
    }

    /// <summary>Number of targets for a pool of <paramref name="poolSize"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count larger than the pool.</exception>
    public int Resolve(int poolSize)
    {
        if (Count is { } count)
        {
            return count <= poolSize
                ? count
                : throw new ArgumentOutOfRangeException(nameof(poolSize), $"Cannot draw {count} targets from a pool of {poolSize}.");
        }

        return (int)Math.Ceiling(Ratio!.Value * poolSize);
    }
}

/// <summary>Inputs of a random inspection draw (双随机、一公开).</summary>
public sealed record DrawRequest
{
    /// <summary>Published seed (公开的随机种子), e.g. announced before the draw; UTF-8 encoded into the stream.</summary>
    public required string Seed { get; init; }

    /// <summary>Target pool (检查对象名录库) ids; order does not matter; no duplicates.</summary>
    public required IReadOnlyList<string> TargetPool { get; init; }

    /// <summary>How many targets to draw.</summary>
    public required DrawSize Size { get; init; }

    /// <summary>Officers (执法检查人员名录库); order does not matter; no duplicate ids.</summary>
    public required IReadOnlyList<DrawOfficer> Officers { get; init; }

    /// <summary>Day of the draw: certificates must be valid on it.</summary>
    public required DateOnly DrawDate { get; init; }

    /// <summary>Officers per target; at least 2 (《行政处罚法》第四十二条: no fewer than two enforcement officers).</summary>
    public int OfficersPerTarget { get; init; } = 2;

    /// <summary>When not empty, only officers of these agencies are eligible.</summary>
    public IReadOnlyCollection<string> AgencyCodes { get; init; } = [];
}

/// <summary>One drawn target and its officers, in draw order.</summary>
public sealed record DrawAssignment(string TargetId, IReadOnlyList<string> OfficerIds);

/// <summary>The draw, in draw order, with the algorithm name needed to re-run it.</summary>
public sealed record DrawResult(string Algorithm, string Seed, IReadOnlyList<DrawAssignment> Assignments);

/// <summary>A drawn target without enough eligible, non-conflicted officers.</summary>
public sealed record OfficerShortfall(string TargetId, int Available, int Required);

/// <summary>The draw cannot pair every drawn target with enough officers. Nothing is drawn.</summary>
public sealed class InsufficientOfficersException : Exception
{
    /// <summary>Creates the exception listing every short target.</summary>
    public InsufficientOfficersException(IReadOnlyList<OfficerShortfall> shortfalls)
        : base("Not enough eligible officers: " + string.Join("; ", shortfalls.Select(s =>
            $"target {s.TargetId} has {s.Available} eligible non-conflicted officer(s), {s.Required} required")))
    {
        Shortfalls = shortfalls;
    }

    /// <summary>Each target that is short, in draw order.</summary>
    public IReadOnlyList<OfficerShortfall> Shortfalls { get; }
}
