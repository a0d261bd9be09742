namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 重大执法决定未经有效法制审核 — a major decision (重大执法决定) was registered while Publicity knew no legal-review
/// clearance that clears it (《行政处罚法》第五十八条: no major decision without a passed legal review of this case).
/// Raised once, in the registration's transaction; the decision is recorded all the same (it was made) and stays
/// unpublishable until a clearance clears it. <see cref="Rule"/> is the rule id the platform's clearance rule gives
/// (<c>review-clearance-missing</c>, <c>-other-agency</c>, <c>-other-case</c>, <c>-not-passed</c>, <c>-after-decision</c>,
/// <c>-other-draft</c>). A clearance that arrives later does not withdraw the flag: it is a compliance fact about the
/// registration. Exchange <c>longshan.publicity.major-decision-without-clearance.v1</c>.
/// </summary>
[EventContract("publicity", "MajorDecisionWithoutClearance", 1)]
public sealed record MajorDecisionWithoutClearance : IntegrationEvent
{
    public required Guid DecisionId { get; init; }

    public required string CaseNumber { get; init; }

    public required string Category { get; init; }

    public required DateOnly DecisionDate { get; init; }

    /// <summary>The review id the decision names as its clearance (法制审核编号).</summary>
    public required string ReviewClearanceReference { get; init; }

    /// <summary>SHA-256 (lower-case hex) of the decision's text, when the agency named it.</summary>
    public string? ContentDigest { get; init; }

    /// <summary>The rule id of the reason (RULES.md).</summary>
    public required string Rule { get; init; }
}
