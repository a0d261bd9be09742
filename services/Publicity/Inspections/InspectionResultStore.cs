using Google.Protobuf;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;

namespace Longshan.Publicity.Inspections;

/// <summary>
/// The <c>inspection_results</c> table: published <see cref="InspectionResult"/>s (JSON), several per drawn target; a
/// correction names the result it corrects (<c>corrects</c>), which stays on record with <c>corrected_by</c> set.
/// </summary>
public sealed class InspectionResultStore
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO inspection_results (result_id, draw_id, target_id, agency_code, inspected_on, corrects, body, published_at, published_by)
        VALUES (@resultId, @drawId, @targetId, @agencyCode, @inspectedOn, @corrects, @body, @publishedAt, @publishedBy)
        """);

    static readonly SqlStatement CountCurrentForDay = SqlStatement.Portable(
        """
        SELECT COUNT(*) FROM inspection_results
        WHERE draw_id = @drawId AND target_id = @targetId AND inspected_on = @inspectedOn AND corrected_by IS NULL
        """);

    static readonly SqlStatement SelectOne = SqlStatement.Portable(
        "SELECT seq AS Seq, body AS Body, result_id AS ResultId, corrected_by AS CorrectedBy FROM inspection_results WHERE result_id = @resultId");

    static readonly SqlStatement MarkCorrected = SqlStatement.Portable(
        "UPDATE inspection_results SET corrected_by = @correctedBy WHERE result_id = @resultId AND corrected_by IS NULL");

    static readonly SqlStatement SelectPage = new(
        """
        SELECT seq AS Seq, body AS Body, result_id AS ResultId, corrected_by AS CorrectedBy FROM inspection_results
        WHERE agency_code = @agencyCode AND (@drawId IS NULL OR draw_id = @drawId) AND seq < @before
        ORDER BY seq DESC LIMIT @take
        """,
        """
        SELECT TOP (@take) seq AS Seq, body AS Body, result_id AS ResultId, corrected_by AS CorrectedBy FROM inspection_results
        WHERE agency_code = @agencyCode AND (@drawId IS NULL OR draw_id = @drawId) AND seq < @before
        ORDER BY seq DESC
        """);

    public Task InsertAsync(DbSession session, InspectionResult result, DateTimeOffset publishedAt, string publishedBy) =>
        session.ExecuteAsync(Insert, new
        {
            resultId = Guid.Parse(result.ResultId),
            drawId = Guid.Parse(result.DrawId),
            targetId = result.TargetId,
            agencyCode = result.AgencyCode,
            inspectedOn = Longshan.Platform.Calendar.CountyTime.Date(result.InspectedOn),
            corrects = result.Corrects.Length > 0 ? Guid.Parse(result.Corrects) : (Guid?)null,
            body = JsonFormatter.Default.Format(result),
            publishedAt,
            publishedBy,
        });

    /// <summary>Whether the target has a current (not corrected) result for an inspection on <paramref name="inspectedOn"/>.</summary>
    public async Task<bool> ExistsForDayAsync(DbSession session, Guid drawId, string targetId, DateOnly inspectedOn) =>
        await session.ScalarAsync<long>(CountCurrentForDay, new { drawId, targetId, inspectedOn }) > 0;

    public async Task<InspectionResult?> FindAsync(DbSession session, Guid resultId) =>
        await session.SingleOrDefaultAsync<ResultRow>(SelectOne, new { resultId }) is { } row ? row.ToResult() : null;

    /// <summary>Marks <paramref name="resultId"/> as corrected by <paramref name="correctedBy"/>; false when it already was.</summary>
    public async Task<bool> MarkCorrectedAsync(DbSession session, Guid resultId, Guid correctedBy) =>
        await session.ExecuteAsync(MarkCorrected, new { resultId, correctedBy }) == 1;

    /// <summary>Newest first; only <paramref name="drawId"/>'s results when given. Corrected results are included (history).</summary>
    public async Task<IReadOnlyList<Sequenced<InspectionResult>>> PageAsync(DbSession session, string agencyCode, Guid? drawId, long before, int take) =>
        [.. (await session.QueryAsync<ResultRow>(SelectPage, new { agencyCode, drawId, before, take }))
            .Select(r => new Sequenced<InspectionResult>(r.Seq, r.ToResult()))];

    sealed class ResultRow
    {
        public long Seq { get; set; }
        public string Body { get; set; } = "";
        public Guid ResultId { get; set; }
        public Guid? CorrectedBy { get; set; }

        /// <summary>The stored body with the columns that may change or predate it: its id and who corrected it.</summary>
        public InspectionResult ToResult()
        {
            var result = JsonParser.Default.Parse<InspectionResult>(Body);
            result.ResultId = ResultId.ToString("D");
            result.CorrectedBy = CorrectedBy?.ToString("D") ?? "";
            return result;
        }
    }
}
