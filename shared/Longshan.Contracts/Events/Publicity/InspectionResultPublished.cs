namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 抽查结果已公开 — the outcome of inspecting one drawn target was published (一公开).
/// Exchange <c>longshan.publicity.inspection-result-published.v1</c>.
/// </summary>
[EventContract("publicity", "InspectionResultPublished", 1)]
public sealed record InspectionResultPublished : IntegrationEvent
{
    public required Guid DrawId { get; init; }

    public required Guid ItemId { get; init; }

    public required string TargetId { get; init; }

    public required string TargetName { get; init; }

    public required DateOnly InspectedOn { get; init; }

    public required string Outcome { get; init; }
}
