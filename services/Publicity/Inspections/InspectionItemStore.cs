using System.Data.Common;
using Dapper;
using Google.Protobuf;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;

namespace Longshan.Publicity.Inspections;

/// <summary>The <c>inspection_items</c> table; each row keeps the published <see cref="InspectionItem"/> as JSON.</summary>
public sealed class InspectionItemStore(Database database)
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

    public Task InsertAsync(DbTransaction transaction, InspectionItem item, DateTimeOffset publishedAt, string publishedBy) =>
        transaction.Connection!.ExecuteAsync(database.Sql(Insert), new
        {
            itemId = Guid.Parse(item.ItemId),
            agencyCode = item.AgencyCode,
            body = JsonFormatter.Default.Format(item),
            publishedAt,
            publishedBy,
        }, transaction);

    public async Task<InspectionItem?> FindAsync(DbConnection connection, Guid itemId, DbTransaction? transaction = null) =>
        await connection.QuerySingleOrDefaultAsync<string>(database.Sql(SelectById), new { itemId }, transaction) is { } body
            ? JsonParser.Default.Parse<InspectionItem>(body)
            : null;

    /// <summary>Newest first: up to <paramref name="take"/> items below sequence <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<Sequenced<InspectionItem>>> PageAsync(DbConnection connection, string agencyCode, long before, int take) =>
        [.. (await connection.QueryAsync<SequencedRow>(database.Sql(SelectPage), new { agencyCode, before, take }))
            .Select(r => new Sequenced<InspectionItem>(r.Seq, JsonParser.Default.Parse<InspectionItem>(r.Body)))];
}

/// <summary>A stored message with its sequence (the key of newest-first pages).</summary>
public sealed record Sequenced<T>(long Seq, T Value);

/// <summary>A row of <c>seq</c> and <c>body</c>.</summary>
sealed class SequencedRow
{
    public long Seq { get; init; }
    public string Body { get; init; } = "";
}
