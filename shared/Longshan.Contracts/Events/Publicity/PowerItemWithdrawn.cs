namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 行政执法事项已废止 — an agency withdrew an item of its power list; the item stays in its history as the withdrawn
/// version <see cref="Version"/>. Exchange <c>longshan.publicity.power-item-withdrawn.v1</c>.
/// </summary>
[EventContract("publicity", "PowerItemWithdrawn", 1)]
public sealed record PowerItemWithdrawn : IntegrationEvent
{
    public required string ItemCode { get; init; }

    /// <summary>The version that records the withdrawal (the last one in force plus one).</summary>
    public required int Version { get; init; }

    public required string Name { get; init; }

    public required string Category { get; init; }

    /// <summary>law-amended, mandate-changed, correction or other.</summary>
    public required string Reason { get; init; }

    public required string Note { get; init; }
}
