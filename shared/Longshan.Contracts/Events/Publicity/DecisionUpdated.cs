namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 行政执法决定公开信息已更新 — a published decision was corrected: a new public version replaces the
/// previous one, which stays in the public history. Exchange <c>longshan.publicity.decision-updated.v1</c>.
/// </summary>
[EventContract("publicity", "DecisionUpdated", 1)]
public sealed record DecisionUpdated : IntegrationEvent
{
    public required Guid DecisionId { get; init; }

    /// <summary>
    /// The decision's revision after this change: 1 at registration, one more with each publication, correction or
    /// withdrawal (a correction before publication raises no event, so numbers may be skipped). The outbox does not
    /// promise order: keep the event with the highest revision per <see cref="DecisionId"/>.
    /// </summary>
    public int Revision { get; init; }

    /// <summary>更正说明 — the published note on what changed, with personal data masked as in the public version.</summary>
    public required string ChangeNote { get; init; }

    public required DecisionPublicVersion Public { get; init; }
}
