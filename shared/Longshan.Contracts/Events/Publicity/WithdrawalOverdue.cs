namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 撤回逾期 — a published decision that was revoked, changed, confirmed illegal or void was not withdrawn
/// within 3 working days of the revocation (APL art. 48). Raised once per decision.
/// Exchange <c>longshan.publicity.withdrawal-overdue.v1</c>.
/// </summary>
[EventContract("publicity", "WithdrawalOverdue", 1)]
public sealed record WithdrawalOverdue : IntegrationEvent
{
    public required Guid DecisionId { get; init; }

    public required string CaseNumber { get; init; }

    public required DateOnly RevokedOn { get; init; }

    public required DateOnly WithdrawalDeadline { get; init; }

    /// <summary>Set when the withdrawal happened, but late.</summary>
    public DateOnly? WithdrawnOn { get; init; }
}
