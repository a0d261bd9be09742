using Google.Protobuf;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;

namespace Longshan.Publicity.Inspections;

/// <summary>The <c>inspection_rounds</c> table: each frozen round (JSON body) and the id of its current draw.</summary>
public sealed class DrawRoundStore
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO inspection_rounds (round_id, agency_code, item_id, body, draw_id, frozen_at, frozen_by)
        VALUES (@roundId, @agencyCode, @itemId, @body, NULL, @frozenAt, @frozenBy)
        """);

    static readonly SqlStatement SelectById = SqlStatement.Portable(
        "SELECT body AS Body, draw_id AS DrawId FROM inspection_rounds WHERE round_id = @roundId");

    /// <summary>Moves the round to its new draw only if nobody else drew it meanwhile.</summary>
    static readonly SqlStatement SetDraw = SqlStatement.Portable(
        """
        UPDATE inspection_rounds SET draw_id = @drawId
        WHERE round_id = @roundId AND ((@previous IS NULL AND draw_id IS NULL) OR draw_id = @previous)
        """);

    static readonly SqlStatement SelectPage = new(
        "SELECT seq AS Seq, body AS Body, draw_id AS DrawId FROM inspection_rounds WHERE agency_code = @agencyCode AND seq < @before ORDER BY seq DESC LIMIT @take",
        "SELECT TOP (@take) seq AS Seq, body AS Body, draw_id AS DrawId FROM inspection_rounds WHERE agency_code = @agencyCode AND seq < @before ORDER BY seq DESC");

    public Task InsertAsync(DbSession session, DrawRound round, DateTimeOffset frozenAt, string frozenBy) =>
        session.ExecuteAsync(Insert, new
        {
            roundId = Guid.Parse(round.RoundId),
            agencyCode = round.AgencyCode,
            itemId = Guid.Parse(round.ItemId),
            body = JsonFormatter.Default.Format(round),
            frozenAt,
            frozenBy,
        });

    /// <summary>The round with its current draw id (empty before the draw).</summary>
    public async Task<DrawRound?> FindAsync(DbSession session, Guid roundId)
    {
        var row = await session.SingleOrDefaultAsync<RoundRow>(SelectById, new { roundId });
        if (row is null) return null;
        return row.ToRound();
    }

    /// <summary>Newest first: up to <paramref name="take"/> rounds of the agency below sequence <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<Sequenced<DrawRound>>> PageAsync(DbSession session, string agencyCode, long before, int take) =>
        [.. (await session.QueryAsync<RoundRow>(SelectPage, new { agencyCode, before, take })).Select(r => new Sequenced<DrawRound>(r.Seq, r.ToRound()))];

    /// <summary>False when the round's draw changed since it was read (a concurrent draw).</summary>
    public async Task<bool> SetDrawAsync(DbSession session, Guid roundId, Guid? previous, Guid drawId) =>
        await session.ExecuteAsync(SetDraw, new { roundId, previous, drawId }) == 1;

    sealed class RoundRow
    {
        public long Seq { get; init; }

        public string Body { get; init; } = "";
        public Guid? DrawId { get; init; }

        public DrawRound ToRound()
        {
            var round = JsonParser.Default.Parse<DrawRound>(Body);
            round.DrawId = DrawId is { } id ? id.ToString("D") : "";
            return round;
        }
    }
}
