using Google.Protobuf;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Platform.Data;

namespace Longshan.LegalReview.Discretion;

/// <summary>The <c>discretion_benchmarks</c> table: each version stored whole (the message's JSON), never changed.</summary>
public sealed class DiscretionStore
{
    static readonly SqlStatement SelectLatest = new(
        "SELECT benchmark FROM discretion_benchmarks WHERE agency_code = @agencyCode AND item_code = @itemCode ORDER BY version DESC LIMIT 1",
        "SELECT TOP (1) benchmark FROM discretion_benchmarks WHERE agency_code = @agencyCode AND item_code = @itemCode ORDER BY version DESC");

    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO discretion_benchmarks (agency_code, item_code, version, benchmark, reason, published_at, published_by)
        VALUES (@agencyCode, @itemCode, @version, @benchmark, @reason, @at, @by)
        """);

    public async Task<DiscretionBenchmark?> LatestAsync(DbSession session, string agencyCode, string itemCode) =>
        await session.SingleOrDefaultAsync<string>(SelectLatest, new { agencyCode, itemCode }) is { } json ? DiscretionBenchmark.Parser.ParseJson(json) : null;

    public Task InsertAsync(DbSession session, DiscretionBenchmark benchmark, DateTimeOffset at, string by) =>
        session.ExecuteAsync(Insert, new
        {
            agencyCode = benchmark.AgencyCode, itemCode = benchmark.ItemCode, version = benchmark.Version,
            benchmark = JsonFormatter.Default.Format(benchmark), reason = benchmark.Reason, at, by,
        });
}
