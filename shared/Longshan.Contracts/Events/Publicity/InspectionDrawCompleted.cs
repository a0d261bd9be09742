namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 双随机抽取完成 — a reproducible random-inspection draw was made. Its full inputs are public through
/// <c>InspectionService.GetDraw</c>. Exchange <c>longshan.publicity.inspection-draw-completed.v1</c>.
/// </summary>
[EventContract("publicity", "InspectionDrawCompleted", 1)]
public sealed record InspectionDrawCompleted : IntegrationEvent
{
    public required Guid DrawId { get; init; }

    public required Guid ItemId { get; init; }

    public required string Seed { get; init; }

    public required string Algorithm { get; init; }

    public required DateOnly DrawDate { get; init; }

    /// <summary>Size of the target pool the targets were drawn from.</summary>
    public required int PoolSize { get; init; }

    /// <summary>Officers eligible on the draw date.</summary>
    public required int EligibleOfficers { get; init; }

    public required IReadOnlyList<InspectionAssignment> Assignments { get; init; }
}

/// <summary>A drawn target and its officers (officer ids), in draw order.</summary>
public sealed record InspectionAssignment(string TargetId, IReadOnlyList<Guid> OfficerIds);
