namespace Longshan.Contracts.Events.LegalReview;

/// <summary>
/// 法制审核逾期 — an accepted review request had no opinion when its time limit (working days from acceptance, per
/// agency; extended once for a complex case) ended. Raised once per request. Exchange
/// <c>longshan.legalreview.review-overdue.v1</c>.
/// </summary>
[EventContract("legalreview", "ReviewOverdue", 1)]
public sealed record ReviewOverdue : IntegrationEvent
{
    public required string ReviewId { get; init; }

    public required string CaseNumber { get; init; }

    /// <summary>受理日期 (county date).</summary>
    public required DateOnly AcceptedOn { get; init; }

    /// <summary>The last day of the time limit (county date).</summary>
    public required DateOnly ReviewDueOn { get; init; }

    /// <summary>The assigned reviewer's person id; null when none was assigned.</summary>
    public string? ReviewerId { get; init; }
}
