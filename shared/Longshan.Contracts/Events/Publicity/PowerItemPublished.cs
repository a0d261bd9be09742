namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 行政执法事项已公布 — an agency published an item of its power list (权责清单): version 1 of a new item, or version n+1
/// that replaces version n (国办发〔2018〕118号: update the list when laws or mandates change).
/// Exchange <c>longshan.publicity.power-item-published.v1</c>. <see cref="IntegrationEvent.AgencyCode"/> is the
/// responsible agency's credit code; (agencyCode, itemCode, version) identifies the version.
/// </summary>
[EventContract("publicity", "PowerItemPublished", 1)]
public sealed record PowerItemPublished : IntegrationEvent
{
    /// <summary>事项编码, unique within the agency.</summary>
    public required string ItemCode { get; init; }

    /// <summary>1 for a new item; each publication adds one.</summary>
    public required int Version { get; init; }

    public required string Name { get; init; }

    /// <summary>permit, penalty, coercion, levy, requisition, inspection, payment, confirmation, award, ruling or other.</summary>
    public required string Category { get; init; }

    public required IReadOnlyList<PowerItemLegalBasis> LegalBases { get; init; }

    /// <summary>The flowchart (执法流程图), in order.</summary>
    public required IReadOnlyList<PowerItemStep> Steps { get; init; }

    /// <summary>法定办理时限, working days.</summary>
    public required int TimeLimitWorkingDays { get; init; }

    /// <summary>initial, law-amended, mandate-changed, correction or other.</summary>
    public required string ChangeReason { get; init; }

    public required string ChangeNote { get; init; }

    /// <summary>When this version took effect (UTC); the previous version was superseded at this instant.</summary>
    public required DateTimeOffset EffectiveFrom { get; init; }
}

/// <summary>执法依据 — law and article.</summary>
public sealed record PowerItemLegalBasis(string Law, string Article);

/// <summary>One step of the flowchart; <c>TimeLimitWorkingDays</c> is null when the step has none of its own.</summary>
public sealed record PowerItemStep(string Name, string Responsible, int? TimeLimitWorkingDays);
