namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 行政执法决定已登记 — an agency registered an enforcement decision. Exchange
/// <c>longshan.publicity.decision-registered.v1</c>. Carries no personal data: the party appears only by kind;
/// the content is public only once <see cref="DecisionPublished"/> follows.
/// </summary>
[EventContract("publicity", "DecisionRegistered", 1)]
public sealed record DecisionRegistered : IntegrationEvent
{
    public required Guid DecisionId { get; init; }

    /// <summary>
    /// The decision's revision after this change: 1 at registration, one more with each publication, correction or
    /// withdrawal (a correction before publication raises no event, so numbers may be skipped). The outbox does not
    /// promise order: keep the event with the highest revision per <see cref="DecisionId"/>.
    /// </summary>
    public int Revision { get; init; }

    public required string CaseNumber { get; init; }

    /// <summary>permit, penalty, coercion, levy, requisition, inspection, payment, confirmation, award, ruling or other.</summary>
    public required string Category { get; init; }

    public required DateOnly DecisionDate { get; init; }

    /// <summary>
    /// Last day to publish (7 working days for permits and penalties, 20 otherwise; 国办发〔2018〕118号); null while the
    /// holiday calendar of the deadline's year is not configured.
    /// </summary>
    public required DateOnly? PublicationDeadline { get; init; }

    public required bool IsMajor { get; init; }

    /// <summary>natural-person or organisation.</summary>
    public required string PartyKind { get; init; }

    public required IReadOnlyList<DecisionPenalty> Penalties { get; init; }

    /// <summary>
    /// The most severe penalty kind (the one the annual statistics count it under) in the configured order
    /// (<c>Statistics:SeverityOrder</c>; a named kind beats other); null for other categories.
    /// </summary>
    public string? MostSeverePenalty { get; init; }

    /// <summary>False when a rule forbids publication (minor party, secrets, privacy): no deadline then applies.</summary>
    public required bool Publishable { get; init; }

    /// <summary>
    /// 受委托组织: the entrusted organisation that made the decision in the name of <see cref="IntegrationEvent.AgencyCode"/>
    /// (the entrusting agency, 《行政处罚法》第二十条); null when the agency made it itself. Joined v1 later (additive).
    /// </summary>
    public string? ActingOrganisationCode { get; init; }
}
