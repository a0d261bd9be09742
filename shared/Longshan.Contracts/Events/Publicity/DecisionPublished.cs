namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 行政执法决定已公开 — the redacted public version 1 of a decision was published. Exchange
/// <c>longshan.publicity.decision-published.v1</c>.
/// </summary>
[EventContract("publicity", "DecisionPublished", 1)]
public sealed record DecisionPublished : IntegrationEvent
{
    public required Guid DecisionId { get; init; }

    /// <summary>
    /// The decision's revision after this change: 1 at registration, one more with each publication, correction or
    /// withdrawal (a correction before publication raises no event, so numbers may be skipped). The outbox does not
    /// promise order: keep the event with the highest revision per <see cref="DecisionId"/>.
    /// </summary>
    public int Revision { get; init; }

    /// <summary>Publication day, county time.</summary>
    public required DateOnly PublishedOn { get; init; }

    /// <summary>Last day to publish; null while the holiday calendar of the deadline's year is not configured.</summary>
    public required DateOnly? PublicationDeadline { get; init; }

    /// <summary>Published by the deadline; true when the deadline is still pending (null).</summary>
    public required bool OnTime { get; init; }

    /// <summary>
    /// 公开审核 (seed task T1(1)): the person (token <c>sub</c>) who approved the publication, a second person after the
    /// one who prepared it; null when the agency published directly (its policy needs no approval). Joined v1 later (additive).
    /// </summary>
    public string? ApprovedBy { get; init; }

    public required DecisionPublicVersion Public { get; init; }
}
