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

    /// <summary>The target's name; a natural person's (e.g. a sole trader's) masked to the surname.</summary>
    public required string TargetName { get; init; }

    public required DateOnly InspectedOn { get; init; }

    /// <summary>抽查结果, with ID numbers, bank accounts, phone numbers and a natural-person target's name masked.</summary>
    public required string Outcome { get; init; }

    /// <summary>The result's id (several per target; joined v1 later, additive: absent in earlier events).</summary>
    public Guid? ResultId { get; init; }

    /// <summary>检查结束日期, from which the 20 working days to publish run; null in earlier events.</summary>
    public DateOnly? InspectionEndedOn { get; init; }

    /// <summary>更正: the result this one corrects (it stays on record, marked corrected); null for a first result.</summary>
    public Guid? Corrects { get; init; }

    /// <summary>Why the earlier result was corrected; null for a first result.</summary>
    public string? CorrectionReason { get; init; }
}
