namespace Longshan.Contracts.Events.LegalReview;

/// <summary>
/// 行政裁量权基准已公布 — an agency published a version of its discretion benchmark for one violation item
/// (《行政处罚法》第三十四条: benchmarks are made public). Exchange <c>longshan.legalreview.discretion-benchmark-published.v1</c>.
/// Keep the highest <see cref="Version"/> per <see cref="IntegrationEvent.AgencyCode"/> and <see cref="ItemCode"/>.
/// </summary>
[EventContract("legalreview", "DiscretionBenchmarkPublished", 1)]
public sealed record DiscretionBenchmarkPublished : IntegrationEvent
{
    public required string ItemCode { get; init; }

    public required string ItemName { get; init; }

    public required string LegalBasis { get; init; }

    public required int Version { get; init; }

    public required string Reason { get; init; }

    /// <summary>Least → most severe.</summary>
    public required IReadOnlyList<DiscretionBenchmarkTier> Tiers { get; init; }
}

public sealed record DiscretionBenchmarkTier(
    string Name, IReadOnlyList<string> Circumstances, long FineMinFen, long FineMaxFen, IReadOnlyList<string> OtherPenalties, bool IsDefault);
