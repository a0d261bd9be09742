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

    /// <summary>The frozen round (抽查批次) drawn; null for draws made before rounds existed.</summary>
    public Guid? RoundId { get; init; }

    /// <summary>A redraw: the draw it replaces; null for a round's first draw.</summary>
    public Guid? RedrawOf { get; init; }

    /// <summary>A redraw's published reason.</summary>
    public string? RedrawReason { get; init; }
}

/// <summary>A drawn target and its officers (officer ids), in draw order.</summary>
public sealed record InspectionAssignment(string TargetId, IReadOnlyList<Guid> OfficerIds);
