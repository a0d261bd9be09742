namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 公开逾期 — a publishable decision was not published by the end of its deadline day (county time):
/// 7 working days for permits and penalties, 20 otherwise (国办发〔2018〕118号). Raised once per decision.
/// Exchange <c>longshan.publicity.publication-overdue.v1</c>.
/// </summary>
[EventContract("publicity", "PublicationOverdue", 1)]
public sealed record PublicationOverdue : IntegrationEvent
{
    public required Guid DecisionId { get; init; }

    public required string CaseNumber { get; init; }

    public required string Category { get; init; }

    public required DateOnly DecisionDate { get; init; }

    public required DateOnly PublicationDeadline { get; init; }

    /// <summary>Set when the decision was published, but after the deadline, before the overdue was noticed.</summary>
    public DateOnly? PublishedOn { get; init; }
}
