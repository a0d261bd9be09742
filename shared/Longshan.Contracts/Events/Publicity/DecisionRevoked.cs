namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 行政执法决定已撤回 — a decision was revoked, changed, confirmed illegal or void, and its published
/// information withdrawn with the reason made public (APL art. 48). Exchange
/// <c>longshan.publicity.decision-revoked.v1</c>.
/// </summary>
[EventContract("publicity", "DecisionRevoked", 1)]
public sealed record DecisionRevoked : IntegrationEvent
{
    public required Guid DecisionId { get; init; }

    /// <summary>
    /// The decision's revision after this change: 1 at registration, one more with each publication, correction or
    /// withdrawal (a correction before publication raises no event, so numbers may be skipped). The outbox does not
    /// promise order: keep the event with the highest revision per <see cref="DecisionId"/>.
    /// </summary>
    public int Revision { get; init; }

    public required string CaseNumber { get; init; }

    /// <summary>revoked (撤销), changed (变更), confirmed-illegal (确认违法) or confirmed-void (确认无效).</summary>
    public required string RevocationKind { get; init; }

    public required DateOnly RevokedOn { get; init; }

    /// <summary>
    /// The published reason, with personal data masked as in the decision's public version; empty when the decision
    /// was never published (not yet, or never publishable, e.g. a minor's): then the event carries ids, dates and kinds only.
    /// </summary>
    public required string Reason { get; init; }

    /// <summary>Revocation date + 3 working days (APL art. 48); null when the decision was never published.</summary>
    public DateOnly? WithdrawalDeadline { get; init; }

    public required DateTimeOffset WithdrawnAt { get; init; }

    /// <summary>Whether a public version had been published (and is now withdrawn).</summary>
    public required bool WasPublished { get; init; }

    /// <summary>Withdrawn by the deadline (always true when never published).</summary>
    public required bool OnTime { get; init; }
}
