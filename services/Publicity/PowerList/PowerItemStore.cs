using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using DecisionCategory = Longshan.Publicity.Decisions.DecisionCategory;

namespace Longshan.Publicity.PowerList;

/// <summary>
/// Tables <c>power_item_versions</c> (one immutable row per version; the content as protobuf JSON) and
/// <c>power_items</c> (each item's current version).
/// </summary>
public sealed class PowerItemStore
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

    /// <summary>The item's head, read for a write inside the write session; null when the agency has no such item.</summary>
    public async Task<PowerItemHead?> FindHeadForWriteAsync(DbSession session, string agencyCode, string itemCode)
    {
        var row = await session.SingleOrDefaultAsync<HeadRow>(SelectHeadForWrite, new { agencyCode, itemCode });
        return row is null ? null : new PowerItemHead(row.CurrentVersion, row.Status);
    }

    /// <summary>Adds <paramref name="item"/> as a new version and makes it current; <paramref name="previous"/> is the head read before.</summary>
    public async Task InsertAsync(DbSession session, PowerItem item, PowerItemHead? previous, string publishedBy)
    {
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
        await session.ExecuteAsync(InsertVersion, row);
        var heads = await session.ExecuteAsync(previous is null ? InsertHead : UpdateHead, row);
        if (heads != 1) throw RpcErrors.Aborted($"{row.agencyCode}/{row.itemCode}");
    }

    /// <summary>A version of an item, or its current version when <paramref name="version"/> is null; null when there is none.</summary>
    public async Task<PowerItem?> GetAsync(DbSession session, string agencyCode, string itemCode, int? version)
    {
        var row = await session.SingleOrDefaultAsync<Row>(SelectVersion, new { agencyCode, itemCode, version });
        return row is null ? null : ToItem(row);
    }

    /// <summary>Every version of an item, newest first; empty when there is no such item.</summary>
    public async Task<IReadOnlyList<PowerItem>> HistoryAsync(DbSession session, string agencyCode, string itemCode)
    {
        var rows = await session.QueryAsync<Row>(SelectHistory, new { agencyCode, itemCode });
        return rows.Select(ToItem).ToList();
    }

    /// <summary>Reads the paging of an agency's list: keyed by item code, so a page never skips or repeats items.</summary>
    public static PageRequest ReadPage(FieldViolations violations, int pageSize, string? pageToken) =>
        Paging.Read(violations, "power-items", pageSize, pageToken, key => ItemCodeIsValid(key[0]));

    /// <summary>An agency's items in force, in item-code order, optionally of one category.</summary>
    public async Task<Page<PowerItem>> ListCurrentAsync(DbSession session, string agencyCode, DecisionCategory? category, PageRequest paging)
    {
        var rows = await session.ListAsync<Row>(SelectCurrentPage, new
        {
            agencyCode,
            category = category is { } c ? PowerItemNames.Name(c) : null,
            after = paging.AfterKey ?? "",
            take = paging.Fetch,
        });
        return paging.Cut(rows.Select(ToItem).ToList(), i => i.Content.ItemCode);
    }

    static bool ItemCodeIsValid(string code)
    {
        var check = new FieldViolations();
        PowerItemValidation.ItemCode(check, "page_token", code);
        return check.IsEmpty;
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
