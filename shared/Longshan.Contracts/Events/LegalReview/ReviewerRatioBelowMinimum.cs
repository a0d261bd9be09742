namespace Longshan.Contracts.Events.LegalReview;

/// <summary>
/// 法制审核人员不足 — an agency's legal reviewers fell below the minimum share of its enforcement officers (国办发〔2018〕118号:
/// in principle at least 5%; T11). Raised once each time the ratio crosses below the minimum. Exchange
/// <c>longshan.legalreview.reviewer-ratio-below-minimum.v1</c>.
/// </summary>
[EventContract("legalreview", "ReviewerRatioBelowMinimum", 1)]
public sealed record ReviewerRatioBelowMinimum : IntegrationEvent
{
    /// <summary>Reviewers on the agency's roster (its own staff and assigned pool advisers and lawyers).</summary>
    public required int Reviewers { get; init; }

    /// <summary>Enforcement officers with a valid certificate that day.</summary>
    public required int Officers { get; init; }

    public required int MinimumPercent { get; init; }
}
