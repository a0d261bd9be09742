namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 随机抽查事项已公布 — an agency published an item of its random-inspection list.
/// Exchange <c>longshan.publicity.inspection-item-published.v1</c>.
/// </summary>
[EventContract("publicity", "InspectionItemPublished", 1)]
public sealed record InspectionItemPublished : IntegrationEvent
{
    public required Guid ItemId { get; init; }

    public required string Name { get; init; }

    public required IReadOnlyList<InspectionLegalBasis> LegalBases { get; init; }

    public required IReadOnlyList<string> ObjectTypes { get; init; }

    public required string Method { get; init; }

    /// <summary>抽查比例 in basis points (500 = 5 %).</summary>
    public required int RatioBasisPoints { get; init; }

    public required string Frequency { get; init; }
}

/// <summary>法律依据 — a law and its article.</summary>
public sealed record InspectionLegalBasis(string Law, string Article);
