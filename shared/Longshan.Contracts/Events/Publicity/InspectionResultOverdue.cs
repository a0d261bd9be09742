namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 抽查结果公开逾期 — the result of inspecting a drawn target was not published within 20 working days of the end of the
/// inspection (国办发〔2018〕118号: "other decisions"). Raised once per inspection end, after the deadline day ends (county
/// time): while the result is still outstanding, or when it was published late. No personal data.
/// Exchange <c>longshan.publicity.inspection-result-overdue.v1</c>.
/// </summary>
[EventContract("publicity", "InspectionResultOverdue", 1)]
public sealed record InspectionResultOverdue : IntegrationEvent
{
    public required Guid DrawId { get; init; }

    public required Guid ItemId { get; init; }

    public required string TargetId { get; init; }

    /// <summary>检查结束日期.</summary>
    public required DateOnly InspectionEndedOn { get; init; }

    public required DateOnly PublicationDeadline { get; init; }

    /// <summary>Set when the result was published, but late; null while it is still outstanding.</summary>
    public DateOnly? PublishedOn { get; init; }
}
