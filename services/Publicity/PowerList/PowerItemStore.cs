using DecisionCategory = Longshan.Publicity.Decisions.DecisionCategory;
using System.Data.Common;
using Dapper;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Publicity.Decisions;

namespace Longshan.Publicity.PowerList;

/// <summary>One page of an agency's list: the items and the token of the next page (null on the last page).</summary>
public sealed record PowerListPage(IReadOnlyList<PowerItem> Items, string? NextPageToken);

/// <summary>
/// Tables <c>power_item_versions</c> (one immutable row per version; the content as protobuf JSON) and
/// <c>power_items</c> (each item's current version). The public reads open their own connection, so the portal can
/// render an agency's list (<see cref="ListCurrentAsync"/>) and an item's flowchart (<see cref="GetAsync"/>) directly.
/// </summary>
public sealed class PowerItemStore(Database database)
{
    const string VersionColumns =
        "v.agency_code, v.item_code, v.version, v.status, v.content, v.change_reason, v.change_note, v.effective_from";

    /// <summary>On SQL Server the head is read with update and range locks, so two publications of one item queue.</summary>
    static readonly SqlStatement SelectHeadForWrite = new(
        "SELECT current_version, status FROM power_items WHERE agency_code = @agencyCode AND item_code = @itemCode",
        "SELECT current_version, status FROM power_items WITH (UPDLOCK, HOLDLOCK) WHERE agency_code = @agencyCode AND item_code = @itemCode");

    static readonly SqlStatement InsertVersion = SqlStatement.Portable(
        """
        INSERT INTO power_item_versions
            (agency_code, item_code, version, status, name, category, content, change_reason, change_note, effective_from, published_by)
        VALUES (@agencyCode, @itemCode, @version, @status, @name, @category, @content, @changeReason, @changeNote, @effectiveFrom, @publishedBy)
        """);

    static readonly SqlStatement InsertHead = SqlStatement.Portable(
        """
        INSERT INTO power_items (agency_code, item_code, current_version, status, category, name, updated_at)
        VALUES (@agencyCode, @itemCode, @version, @status, @category, @name, @effectiveFrom)
        """);

    static readonly SqlStatement UpdateHead = SqlStatement.Portable(
        """
        UPDATE power_items SET current_version = @version, status = @status, category = @category, name = @name, updated_at = @effectiveFrom
        WHERE agency_code = @agencyCode AND item_code = @itemCode AND current_version = @version - 1
        """);

    /// <summary>A given version, or the current one when @version is null; superseded_at is when the next version took effect.</summary>
    static readonly SqlStatement SelectVersion = SqlStatement.Portable(
        $"""
        SELECT {VersionColumns},
               (SELECT n.effective_from FROM power_item_versions n
                WHERE n.agency_code = v.agency_code AND n.item_code = v.item_code AND n.version = v.version + 1) AS superseded_at
        FROM power_item_versions v
        WHERE v.agency_code = @agencyCode AND v.item_code = @itemCode
          AND v.version = COALESCE(@version,
              (SELECT h.current_version FROM power_items h WHERE h.agency_code = @agencyCode AND h.item_code = @itemCode))
        """);

    static readonly SqlStatement SelectHistory = SqlStatement.Portable(
        $"""
        SELECT {VersionColumns}, n.effective_from AS superseded_at
        FROM power_item_versions v
        LEFT JOIN power_item_versions n ON n.agency_code = v.agency_code AND n.item_code = v.item_code AND n.version = v.version + 1
        WHERE v.agency_code = @agencyCode AND v.item_code = @itemCode
        ORDER BY v.version DESC
        """);

    const string CurrentFrom =
        """
        FROM power_items h
        JOIN power_item_versions v ON v.agency_code = h.agency_code AND v.item_code = h.item_code AND v.version = h.current_version
        WHERE h.agency_code = @agencyCode AND h.status = 'in-force' AND (@category IS NULL OR h.category = @category) AND h.item_code > @after
        ORDER BY h.item_code
        """;

    static readonly SqlStatement SelectCurrentPage = new(
        $"SELECT {VersionColumns} {CurrentFrom} LIMIT @take",
        $"SELECT TOP (@take) {VersionColumns} {CurrentFrom}");

    sealed class Row
    {
        public string AgencyCode { get; set; } = "";
        public string ItemCode { get; set; } = "";
        public int Version { get; set; }
        public string Status { get; set; } = "";
        public string Content { get; set; } = "";
        public string ChangeReason { get; set; } = "";
        public string ChangeNote { get; set; } = "";
        public DateTimeOffset EffectiveFrom { get; set; }
        public DateTimeOffset? SupersededAt { get; set; }
    }

    sealed class HeadRow
    {
        public int CurrentVersion { get; set; }
        public string Status { get; set; } = "";
    }

    /// <summary>The item's head, read for a write inside <paramref name="transaction"/>; null when the agency has no such item.</summary>
    public async Task<PowerItemHead?> FindHeadForWriteAsync(DbTransaction transaction, string agencyCode, string itemCode)
    {
        var row = await transaction.Connection!.QuerySingleOrDefaultAsync<HeadRow>(
            database.Sql(SelectHeadForWrite), new { agencyCode, itemCode }, transaction);
        return row is null ? null : new PowerItemHead(row.CurrentVersion, row.Status);
    }

    /// <summary>Adds <paramref name="item"/> as a new version and makes it current; <paramref name="previous"/> is the head read before.</summary>
    public async Task InsertAsync(DbTransaction transaction, PowerItem item, PowerItemHead? previous, string publishedBy)
    {
        var connection = transaction.Connection!;
        var row = new
        {
            agencyCode = item.AgencyCode,
            itemCode = item.Content.ItemCode,
            version = item.Version,
            status = PowerItemNames.StatusName(item.Status),
            name = item.Content.Name,
            category = PowerItemNames.Name(PowerItemNames.ToDomain(item.Content.Category)!.Value),
            content = JsonFormatter.Default.Format(item.Content),
            changeReason = PowerItemNames.ReasonName(item.ChangeReason),
            changeNote = item.ChangeNote,
            effectiveFrom = item.EffectiveFrom.ToDateTimeOffset(),
            publishedBy,
        };
        await connection.ExecuteAsync(database.Sql(InsertVersion), row, transaction);
        var heads = await connection.ExecuteAsync(database.Sql(previous is null ? InsertHead : UpdateHead), row, transaction);
        if (heads != 1) throw new InvalidOperationException($"Power item {row.agencyCode}/{row.itemCode} changed concurrently.");
    }

    /// <summary>A version of an item, or its current version when <paramref name="version"/> is null; null when there is none.</summary>
    public async Task<PowerItem?> GetAsync(string agencyCode, string itemCode, int? version, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await GetAsync(connection, null, agencyCode, itemCode, version);
    }

    public async Task<PowerItem?> GetAsync(DbConnection connection, DbTransaction? transaction, string agencyCode, string itemCode, int? version)
    {
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            database.Sql(SelectVersion), new { agencyCode, itemCode, version }, transaction);
        return row is null ? null : ToItem(row);
    }

    /// <summary>Every version of an item, newest first; empty when there is no such item.</summary>
    public async Task<IReadOnlyList<PowerItem>> HistoryAsync(string agencyCode, string itemCode, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(database.Sql(SelectHistory), new { agencyCode, itemCode });
        return rows.Select(ToItem).ToList();
    }

    /// <summary>
    /// An agency's items in force, in item-code order, optionally of one category. <paramref name="pageToken"/> is null
    /// or the <see cref="PowerListPage.NextPageToken"/> of the previous page (see <see cref="PowerListPaging"/>).
    /// </summary>
    public async Task<PowerListPage> ListCurrentAsync(
        string agencyCode, DecisionCategory? category, int pageSize, string? pageToken, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(database.Sql(SelectCurrentPage), new
        {
            agencyCode,
            category = category is { } c ? PowerItemNames.Name(c) : null,
            after = PowerListPaging.After(pageToken) ?? "",
            take = pageSize + 1,
        })).ToList();
        var items = rows.Take(pageSize).Select(ToItem).ToList();
        var next = rows.Count > pageSize ? PowerListPaging.TokenAfter(items[^1].Content.ItemCode) : null;
        return new PowerListPage(items, next);
    }

    static PowerItem ToItem(Row row) => new()
    {
        AgencyCode = row.AgencyCode.Trim(),
        Version = row.Version,
        Status = PowerItemNames.StatusFromName(row.Status),
        Content = JsonParser.Default.Parse<PowerItemContent>(row.Content),
        EffectiveFrom = Timestamp.FromDateTimeOffset(row.EffectiveFrom),
        SupersededAt = row.SupersededAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        ChangeReason = PowerItemNames.ReasonFromName(row.ChangeReason),
        ChangeNote = row.ChangeNote,
    };
}
