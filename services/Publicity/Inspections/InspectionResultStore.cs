using Google.Protobuf;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;

namespace Longshan.Publicity.Inspections;

/// <summary>The <c>inspection_results</c> table: one published <see cref="InspectionResult"/> (JSON) per drawn target.</summary>
public sealed class InspectionResultStore
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO inspection_results (draw_id, target_id, agency_code, body, published_at, published_by)
        VALUES (@drawId, @targetId, @agencyCode, @body, @publishedAt, @publishedBy)
        """);

    static readonly SqlStatement CountForTarget = SqlStatement.Portable(
        "SELECT COUNT(*) FROM inspection_results WHERE draw_id = @drawId AND target_id = @targetId");

    static readonly SqlStatement SelectPage = new(
        """
        SELECT seq, body FROM inspection_results
        WHERE agency_code = @agencyCode AND (@drawId IS NULL OR draw_id = @drawId) AND seq < @before
        ORDER BY seq DESC LIMIT @take
        """,
        """
        SELECT TOP (@take) seq, body FROM inspection_results
        WHERE agency_code = @agencyCode AND (@drawId IS NULL OR draw_id = @drawId) AND seq < @before
        ORDER BY seq DESC
        """);

    public Task InsertAsync(DbSession session, InspectionResult result, DateTimeOffset publishedAt, string publishedBy) =>
        session.ExecuteAsync(Insert, new
        {
            drawId = Guid.Parse(result.DrawId),
            targetId = result.TargetId,
            agencyCode = result.AgencyCode,
            body = JsonFormatter.Default.Format(result),
            publishedAt,
            publishedBy,
        });

    public async Task<bool> ExistsAsync(DbSession session, Guid drawId, string targetId) =>
        await session.ScalarAsync<long>(CountForTarget, new { drawId, targetId }) > 0;

    /// <summary>Newest first; only <paramref name="drawId"/>'s results when given.</summary>
    public async Task<IReadOnlyList<Sequenced<InspectionResult>>> PageAsync(DbSession session, string agencyCode, Guid? drawId, long before, int take) =>
        [.. (await session.QueryAsync<SequencedRow>(SelectPage, new { agencyCode, drawId, before, take }))
            .Select(r => new Sequenced<InspectionResult>(r.Seq, JsonParser.Default.Parse<InspectionResult>(r.Body)))];
}
