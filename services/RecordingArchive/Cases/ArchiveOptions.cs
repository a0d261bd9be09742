namespace Longshan.RecordingArchive.Cases;

/// <summary>
/// <c>Archive</c> configuration [local]: completeness items per category, the activities that must be recorded on
/// audio/video, the default retention class and whether a retrieval needs a second person's approval — county-wide
/// defaults, each overridable per agency under <c>Archive:Agencies:&lt;credit code&gt;</c>.
/// </summary>
public sealed class ArchiveOptions
{
    public const string Section = "Archive";

    /// <summary>Category → completeness items (<see cref="CaseCompleteness.Items"/>); <c>default</c> for the others.</summary>
    public Dictionary<string, string[]> Completeness { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Activities that must be recorded on audio/video for the whole activity.</summary>
    public string[]? MandatoryRecording { get; set; }

    public string? DefaultRetention { get; set; }

    public bool? RetrievalNeedsApproval { get; set; }

    public Dictionary<string, ArchiveOptions> Agencies { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The rules that apply to <paramref name="agencyCode"/>: its own settings over the county's over DOMAIN.md's.</summary>
    public ArchivePolicy For(string agencyCode)
    {
        Agencies.TryGetValue(agencyCode, out var own);
        var completeness = new Dictionary<string, IReadOnlyList<string>>(ArchivePolicy.DefaultCompleteness, StringComparer.Ordinal);
        foreach (var (category, items) in Completeness) completeness[category] = items;
        if (own is not null) foreach (var (category, items) in own.Completeness) completeness[category] = items;
        return new ArchivePolicy(
            completeness,
            own?.MandatoryRecording ?? MandatoryRecording ?? ArchivePolicy.DefaultMandatoryRecording,
            own?.DefaultRetention ?? DefaultRetention ?? "30-years",
            own?.RetrievalNeedsApproval ?? RetrievalNeedsApproval ?? true);
    }
}

/// <summary>The archive rules of one agency.</summary>
public sealed record ArchivePolicy(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Completeness, IReadOnlyList<string> MandatoryRecording, string DefaultRetention,
    bool RetrievalNeedsApproval)
{
    /// <summary>
    /// DOMAIN.md's defaults: a penalty case has the case-opening approval; the investigation records with two officers;
    /// the notice of the intended penalty and the party's statement or hearing record; for a major decision its passed
    /// legal review; the decision; proof of service; execution record; audio/video for every mandatory activity.
    /// Other categories: the decision, its service, the review of a major decision and the mandatory audio/video.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultCompleteness = new Dictionary<string, IReadOnlyList<string>>
    {
        ["penalty"] = CaseCompleteness.Items,
        ["default"] = [CaseCompleteness.ReviewClearance, CaseCompleteness.Decision, CaseCompleteness.ProofOfService, CaseCompleteness.AudioVideo],
    };

    /// <summary>
    /// 国办发〔2018〕118号 and DOMAIN.md: audio/video for the whole activity where it directly affects personal freedom, life
    /// and health or major property — sealing/seizure (查封扣押), forced demolition (强制拆除), other coercive execution.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultMandatoryRecording = ["sealing-seizure", "forced-demolition", "coercive-execution"];

    public IReadOnlyList<string> ItemsFor(string category) =>
        Completeness.TryGetValue(category, out var items) ? items : Completeness.TryGetValue("default", out var fallback) ? fallback : [];
}
