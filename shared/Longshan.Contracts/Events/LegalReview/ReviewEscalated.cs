namespace Longshan.Contracts.Events.LegalReview;

/// <summary>
/// 提交集体讨论 — a review request was escalated to collective discussion by the agency's leaders
/// (《行政处罚法》第五十七条), after a disagreement the coordination did not resolve, or for a complex case.
/// Exchange <c>longshan.legalreview.review-escalated.v1</c>.
/// </summary>
[EventContract("legalreview", "ReviewEscalated", 1)]
public sealed record ReviewEscalated : IntegrationEvent
{
    public required string ReviewId { get; init; }

    public required string CaseNumber { get; init; }

    public required string Reason { get; init; }

    /// <summary>Person id of who escalated it (from the token).</summary>
    public required string EscalatedBy { get; init; }
}
