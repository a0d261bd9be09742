namespace Longshan.Publicity.Inspections;

/// <summary>
/// Reproducible random inspection draw — 双随机、一公开 (random targets, random officers, results
/// published; 国办发〔2018〕118号 and 《国务院关于在市场监管领域全面推行部门联合"双随机、一公开"监管的意见》国发〔2019〕5号).
/// Anyone holding the published seed and the two lists can re-run it:
/// <list type="number">
/// <item><b>Canonical inputs.</b> Targets: the pool ids sorted by ordinal comparison (UTF-16 code units,
/// String.CompareOrdinal). Officers: keep those whose certificate is active and valid on the draw date
/// (<c>DrawDate ≤ CertificateValidUntil</c>) and, when agency codes are given, whose agency is listed;
/// sort them by id, ordinal.</item>
/// <item><b>Stream.</b> <see cref="SeededSequence"/>: block_k = SHA-256(UTF-8(seed) ‖ BE64(k)), k = 0, 1, …,
/// read as big-endian unsigned 64-bit integers; uniform(n) by rejection sampling (limit 2^64 − (2^64 mod n)),
/// each call consuming at least one integer (also for n = 1).</item>
/// <item><b>Targets.</b> k = the count, or ⌈ratio × N⌉. Partial Fisher–Yates on the sorted array T of N ids:
/// for i = 0 … k−1: j = i + uniform(N − i); swap T[i], T[j]. The drawn targets are T[0 … k−1] in that order.</item>
/// <item><b>Officers.</b> If any drawn target has fewer than m (officers per target) eligible officers not
/// conflicted with it, fail listing every such target. Otherwise, for each drawn target in draw order,
/// continuing the same stream: C = the sorted eligible officers not conflicted with the target; for
/// i = 0 … m−1: j = i + uniform(|C| − i); swap C[i], C[j]; the officers are C[0 … m−1] in that order.</item>
/// </list>
/// </summary>
public static class RandomDraw
{
    /// <summary>Name and version of the algorithm above, published with each result.</summary>
    public const string Algorithm = "longshan-draw-v1: SHA-256(seed||BE64 counter) stream, rejection sampling, partial Fisher-Yates, ordinal-sorted inputs";

    /// <summary>Performs the draw.</summary>
    /// <exception cref="ArgumentException">Invalid input (empty seed, empty pool, duplicate ids, fewer than 2 officers per target, count above the pool).</exception>
    /// <exception cref="InsufficientOfficersException">A drawn target cannot get enough officers.</exception>
    public static DrawResult Draw(DrawRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.Seed, nameof(request.Seed));

        // 《行政处罚法》第四十二条: investigations and inspections by no fewer than two officers.
        if (request.OfficersPerTarget < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.OfficersPerTarget, "At least 2 officers per target are required (APL art. 42).");
        }

        var targets = Canonical(request.TargetPool, "target");
        if (targets.Length == 0)
        {
            throw new ArgumentException("The target pool is empty.", nameof(request));
        }

        var officers = EligibleOfficers(request);
        var count = request.Size.Resolve(targets.Length);
        var stream = new SeededSequence(request.Seed);

        // Random targets (随机抽取检查对象): partial Fisher–Yates.
        for (var i = 0; i < count; i++)
        {
            var j = i + stream.NextBelow(targets.Length - i);
            (targets[i], targets[j]) = (targets[j], targets[i]);
        }

        var drawn = targets[..count];
        var candidates = drawn.Select(t => officers.Where(o => !o.ConflictedTargetIds.Contains(t, StringComparer.Ordinal)).ToArray()).ToArray();
        var shortfalls = drawn
            .Select((t, i) => new OfficerShortfall(t, candidates[i].Length, request.OfficersPerTarget))
            .Where(s => s.Available < s.Required)
            .ToList();
        if (shortfalls.Count > 0)
        {
            throw new InsufficientOfficersException(shortfalls);
        }

        // Random officers (随机选派执法检查人员): partial Fisher–Yates per target, same stream.
        var assignments = new List<DrawAssignment>(count);
        for (var t = 0; t < count; t++)
        {
            var pool = candidates[t];
            for (var i = 0; i < request.OfficersPerTarget; i++)
            {
                var j = i + stream.NextBelow(pool.Length - i);
                (pool[i], pool[j]) = (pool[j], pool[i]);
            }

            assignments.Add(new DrawAssignment(drawn[t], [.. pool[..request.OfficersPerTarget].Select(o => o.Id)]));
        }

        return new DrawResult(Algorithm, request.Seed, assignments);
    }

    private static DrawOfficer[] EligibleOfficers(DrawRequest request)
    {
        _ = Canonical([.. request.Officers.Select(o => o.Id)], "officer");
        var agencies = request.AgencyCodes.ToHashSet(StringComparer.Ordinal);
        return
        [
            .. request.Officers
                .Where(o => o.CertificateActive && request.DrawDate <= o.CertificateValidUntil)
                .Where(o => agencies.Count == 0 || agencies.Contains(o.AgencyCode))
                .OrderBy(o => o.Id, StringComparer.Ordinal),
        ];
    }

    private static string[] Canonical(IReadOnlyList<string> ids, string what)
    {
        var sorted = ids.ToArray();
        if (sorted.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"A {what} id is empty.");
        }

        Array.Sort(sorted, StringComparer.Ordinal);
        for (var i = 1; i < sorted.Length; i++)
        {
            if (string.Equals(sorted[i - 1], sorted[i], StringComparison.Ordinal))
            {
                throw new ArgumentException($"Duplicate {what} id '{sorted[i]}'.");
            }
        }

        return sorted;
    }
}
