using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;

namespace Longshan.Publicity.ServiceWindows;

/// <summary>
/// The <c>service_window_boards</c> table: every duty board of a window, kept as history (who was on duty when). A new
/// board marks the current one replaced; staff are stored as the <see cref="DutyBoard"/> message's JSON.
/// </summary>
public sealed class WindowBoardStore
{
    static readonly SqlStatement MarkReplaced = SqlStatement.Portable(
        "UPDATE service_window_boards SET replaced_at = @at WHERE window_id = @windowId AND replaced_at IS NULL");

    static readonly SqlStatement LastVersion = SqlStatement.Portable(
        "SELECT COALESCE(MAX(version), 0) FROM service_window_boards WHERE window_id = @windowId");

    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO service_window_boards (window_id, agency_code, version, staff, set_at, set_by, replaced_at)
        VALUES (@windowId, @agencyCode, @version, @staff, @at, @by, NULL)
        """);

    const string HistoryColumns = "version AS Version, staff AS Staff, set_at AS SetAt, replaced_at AS ReplacedAt";

    static readonly SqlStatement SelectHistory = new(
        $"SELECT {HistoryColumns} FROM service_window_boards WHERE window_id = @windowId AND version < @before ORDER BY version DESC LIMIT @take",
        $"SELECT TOP (@take) {HistoryColumns} FROM service_window_boards WHERE window_id = @windowId AND version < @before ORDER BY version DESC");

    /// <summary>Replaces the window's current board by <paramref name="staff"/>; returns the new board.</summary>
    public async Task<DutyBoard> ReplaceAsync(DbSession session, ServiceWindow window, IReadOnlyList<WindowStaff> staff, DateTimeOffset at, string by)
    {
        var windowId = Guid.Parse(window.WindowId);
        var version = await session.ScalarAsync<int>(LastVersion, new { windowId }) + 1;
        await session.ExecuteAsync(MarkReplaced, new { windowId, at });
        var board = new DutyBoard { Version = version, Staff = { staff }, SetAt = Timestamp.FromDateTimeOffset(at) };
        await session.ExecuteAsync(Insert, new { windowId, agencyCode = window.AgencyCode, version, staff = Json(staff), at, by });
        return board;
    }

    /// <summary>Boards of the window below version <paramref name="before"/>, newest first.</summary>
    public async Task<IReadOnlyList<DutyBoard>> HistoryAsync(DbSession session, Guid windowId, long before, int take) =>
        [.. (await session.QueryAsync<Row>(SelectHistory, new { windowId, before, take })).Select(r => r.ToBoard())];

    static string Json(IEnumerable<WindowStaff> staff) => JsonFormatter.Default.Format(new DutyBoard { Staff = { staff } });

    public static IReadOnlyList<WindowStaff> ParseStaff(string json) => JsonParser.Default.Parse<DutyBoard>(json).Staff;

    sealed class Row
    {
        public int Version { get; set; }
        public string Staff { get; set; } = "";
        public DateTimeOffset SetAt { get; set; }
        public DateTimeOffset? ReplacedAt { get; set; }

        public DutyBoard ToBoard() => new()
        {
            Version = Version,
            Staff = { ParseStaff(Staff) },
            SetAt = Timestamp.FromDateTimeOffset(SetAt),
            ReplacedAt = ReplacedAt is { } replaced ? Timestamp.FromDateTimeOffset(replaced) : null,
        };
    }
}
