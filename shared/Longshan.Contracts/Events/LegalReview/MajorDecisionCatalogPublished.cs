namespace Longshan.Contracts.Events.LegalReview;

/// <summary>
/// 重大执法决定目录清单已公布 — a new version of the major-decision catalog is in force (T12): the county base catalog
/// (<see cref="Scope"/> <c>county</c>; <see cref="IntegrationEvent.AgencyCode"/> is the county justice bureau that
/// published it) or an agency's extension (<c>agency</c>; the agency's credit code). Exchange
/// <c>longshan.legalreview.major-decision-catalog-published.v1</c>. Keep the highest <see cref="Version"/> per scope and agency.
/// </summary>
[EventContract("legalreview", "MajorDecisionCatalogPublished", 1)]
public sealed record MajorDecisionCatalogPublished : IntegrationEvent
{
    /// <summary><c>county</c> or <c>agency</c>.</summary>
    public required string Scope { get; init; }

    public required int Version { get; init; }

    public required string Reason { get; init; }

    public required IReadOnlyList<MajorDecisionCatalogItem> Items { get; init; }
}

/// <param name="Kind"><c>penalty-kind</c>, <c>fine-threshold</c>, <c>confiscation-threshold</c>, <c>hearing-held</c>,
/// <c>complex-case</c>, <c>major-public-interest</c> or <c>decision-action</c>.</param>
/// <param name="PartyKind">Thresholds: <c>natural-person</c> or <c>organisation</c>; otherwise null.</param>
/// <param name="AmountFen">Thresholds: the amount in fen; otherwise null.</param>
/// <param name="Inclusive">Thresholds: true for ≥, false for &gt;; otherwise null.</param>
public sealed record MajorDecisionCatalogItem(
    string Code, string Kind, string Description, string LegalSource, string? PenaltyKind, string? PartyKind, long? AmountFen,
    bool? Inclusive, string? Action);
