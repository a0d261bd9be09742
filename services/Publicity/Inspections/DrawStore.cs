using Google.Protobuf;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;

namespace Longshan.Publicity.Inspections;

/// <summary>The <c>inspection_draws</c> table; each row keeps the whole published <see cref="InspectionDraw"/> (inputs and assignments) as JSON.</summary>
public sealed class DrawStore
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO inspection_draws (draw_id, agency_code, item_id, body, drawn_at, drawn_by)
        VALUES (@drawId, @agencyCode, @itemId, @body, @drawnAt, @drawnBy)
        """);

    static readonly SqlStatement SelectById = SqlStatement.Portable("SELECT body FROM inspection_draws WHERE draw_id = @drawId");

    static readonly SqlStatement SelectPage = new(
        "SELECT seq, body FROM inspection_draws WHERE agency_code = @agencyCode AND seq < @before ORDER BY seq DESC LIMIT @take",
        "SELECT TOP (@take) seq, body FROM inspection_draws WHERE agency_code = @agencyCode AND seq < @before ORDER BY seq DESC");

    public Task InsertAsync(DbSession session, InspectionDraw draw, DateTimeOffset drawnAt, string drawnBy) =>
        session.ExecuteAsync(Insert, new
        {
            drawId = Guid.Parse(draw.DrawId),
            agencyCode = draw.AgencyCode,
            itemId = Guid.Parse(draw.ItemId),
            body = JsonFormatter.Default.Format(draw),
            drawnAt,
            drawnBy,
        });

    public async Task<InspectionDraw?> FindAsync(DbSession session, Guid drawId) =>
        await session.SingleOrDefaultAsync<string>(SelectById, new { drawId }) is { } body
            ? JsonParser.Default.Parse<InspectionDraw>(body)
            : null;

    /// <summary>Newest first: up to <paramref name="take"/> draws below sequence <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<Sequenced<InspectionDraw>>> PageAsync(DbSession session, string agencyCode, long before, int take) =>
        [.. (await session.QueryAsync<SequencedRow>(SelectPage, new { agencyCode, before, take }))
            .Select(r => new Sequenced<InspectionDraw>(r.Seq, JsonParser.Default.Parse<InspectionDraw>(r.Body)))];
}
