using Google.Protobuf;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;

namespace Longshan.Publicity.Inspections;

/// <summary>The <c>inspection_items</c> table; each row keeps the published <see cref="InspectionItem"/> as JSON.</summary>
public sealed class InspectionItemStore
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO inspection_items (item_id, agency_code, body, published_at, published_by)
        VALUES (@itemId, @agencyCode, @body, @publishedAt, @publishedBy)
        """);

    static readonly SqlStatement SelectById = SqlStatement.Portable("SELECT body FROM inspection_items WHERE item_id = @itemId");

    static readonly SqlStatement SelectPage = new(
        "SELECT seq, body FROM inspection_items WHERE agency_code = @agencyCode AND seq < @before ORDER BY seq DESC LIMIT @take",
        "SELECT TOP (@take) seq, body FROM inspection_items WHERE agency_code = @agencyCode AND seq < @before ORDER BY seq DESC");

    public Task InsertAsync(DbSession session, InspectionItem item, DateTimeOffset publishedAt, string publishedBy) =>
        session.ExecuteAsync(Insert, new
        {
            itemId = Guid.Parse(item.ItemId),
            agencyCode = item.AgencyCode,
            body = JsonFormatter.Default.Format(item),
            publishedAt,
            publishedBy,
        });

    public async Task<InspectionItem?> FindAsync(DbSession session, Guid itemId) =>
        await session.SingleOrDefaultAsync<string>(SelectById, new { itemId }) is { } body
            ? JsonParser.Default.Parse<InspectionItem>(body)
            : null;

    /// <summary>Newest first: up to <paramref name="take"/> items below sequence <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<Sequenced<InspectionItem>>> PageAsync(DbSession session, string agencyCode, long before, int take) =>
        [.. (await session.QueryAsync<SequencedRow>(SelectPage, new { agencyCode, before, take }))
            .Select(r => new Sequenced<InspectionItem>(r.Seq, JsonParser.Default.Parse<InspectionItem>(r.Body)))];
}

/// <summary>A stored message with its sequence (the key of newest-first pages).</summary>
public sealed record Sequenced<T>(long Seq, T Value);

/// <summary>Paging of newest-first lists keyed by their insertion sequence.</summary>
public static class Sequenced
{
    public static PageRequest ReadPage(FieldViolations violations, string list, int pageSize, string? pageToken) =>
        Paging.Read(violations, list, pageSize, pageToken, key => key.Count == 1 && Paging.IsNumber(key[0]));

    public static string Key<T>(Sequenced<T> row) => row.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A row of <c>seq</c> and <c>body</c>.</summary>
sealed class SequencedRow
{
    public long Seq { get; init; }
    public string Body { get; init; } = "";
}
