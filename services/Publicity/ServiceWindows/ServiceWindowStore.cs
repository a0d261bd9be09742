using System.Text.Json;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;

namespace Longshan.Publicity.ServiceWindows;

/// <summary>
/// The <c>service_windows</c> table (matters as a JSON array), read with the window's current board from
/// <c>service_window_boards</c> (see <see cref="WindowBoardStore"/>).
/// </summary>
public sealed class ServiceWindowStore
{
    const string Columns =
        "w.window_id AS WindowId, w.agency_code AS AgencyCode, w.number AS Number, w.number_key AS NumberKey, w.name AS Name, w.hall AS Hall, " +
        "w.floor AS Floor, w.matters AS Matters, w.opening_hours AS OpeningHours, w.supervision_phone AS SupervisionPhone, w.version AS Version, " +
        "b.staff AS CurrentStaff";

    const string WithBoard = "FROM service_windows w LEFT JOIN service_window_boards b ON b.window_id = w.window_id AND b.replaced_at IS NULL";

    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO service_windows (window_id, agency_code, number, number_key, name, hall, floor, matters, opening_hours, supervision_phone,
            version, registered_at, registered_by, updated_at, updated_by)
        VALUES (@windowId, @agencyCode, @number, @numberKey, @name, @hall, @floor, @matters, @openingHours, @supervisionPhone,
            @version, @at, @by, @at, @by)
        """);

    /// <summary>Writes are serialised by the write queue; the version check keeps a stale change from landing all the same.</summary>
    static readonly SqlStatement Update = SqlStatement.Portable(
        """
        UPDATE service_windows SET number = @number, number_key = @numberKey, name = @name, hall = @hall, floor = @floor, matters = @matters,
            opening_hours = @openingHours, supervision_phone = @supervisionPhone, version = @version, updated_at = @at, updated_by = @by
        WHERE window_id = @windowId AND version = @version - 1
        """);

    static readonly SqlStatement SelectById = SqlStatement.Portable($"SELECT {Columns} {WithBoard} WHERE w.window_id = @windowId");

    static readonly SqlStatement SelectByNumber = SqlStatement.Portable(
        $"SELECT {Columns} {WithBoard} WHERE w.agency_code = @agencyCode AND w.number_key = @numberKey");

    static readonly SqlStatement SelectPage = new(
        $"SELECT {Columns} {WithBoard} WHERE w.agency_code = @agencyCode AND w.number_key > @after ORDER BY w.number_key LIMIT @take",
        $"SELECT TOP (@take) {Columns} {WithBoard} WHERE w.agency_code = @agencyCode AND w.number_key > @after ORDER BY w.number_key");

    public Task InsertAsync(DbSession session, ServiceWindow window, DateTimeOffset at, string by) =>
        session.ExecuteAsync(Insert, Parameters(window, at, by));

    /// <summary>Stores <paramref name="window"/> (carrying its next version); false when another change came first.</summary>
    public async Task<bool> UpdateAsync(DbSession session, ServiceWindow window, DateTimeOffset at, string by) =>
        await session.ExecuteAsync(Update, Parameters(window, at, by)) == 1;

    public async Task<StoredWindow?> FindAsync(DbSession session, Guid windowId) =>
        (await session.SingleOrDefaultAsync<Row>(SelectById, new { windowId }))?.ToStored();

    public async Task<StoredWindow?> FindByNumberAsync(DbSession session, string agencyCode, string number) =>
        (await session.SingleOrDefaultAsync<Row>(SelectByNumber, new { agencyCode, numberKey = ServiceWindowRequests.NumberKey(number) }))?.ToStored();

    /// <summary>Up to <paramref name="take"/> windows of the agency after the number key <paramref name="after"/>, in number order.</summary>
    public async Task<IReadOnlyList<StoredWindow>> PageAsync(DbSession session, string agencyCode, string after, int take) =>
        [.. (await session.QueryAsync<Row>(SelectPage, new { agencyCode, after, take })).Select(r => r.ToStored())];

    static object Parameters(ServiceWindow w, DateTimeOffset at, string by) => new
    {
        windowId = Guid.Parse(w.WindowId),
        agencyCode = w.AgencyCode,
        number = w.Number,
        numberKey = ServiceWindowRequests.NumberKey(w.Number),
        name = w.Name,
        hall = w.Hall,
        floor = w.Floor,
        matters = JsonSerializer.Serialize(w.Matters.ToArray()),
        openingHours = w.OpeningHours,
        supervisionPhone = w.SupervisionPhone,
        version = w.Version,
        at,
        by,
    };

    sealed class Row
    {
        public Guid WindowId { get; set; }
        public string AgencyCode { get; set; } = "";
        public string Number { get; set; } = "";
        public string NumberKey { get; set; } = "";
        public string Name { get; set; } = "";
        public string Hall { get; set; } = "";
        public string Floor { get; set; } = "";
        public string Matters { get; set; } = "[]";
        public string OpeningHours { get; set; } = "";
        public string SupervisionPhone { get; set; } = "";
        public int Version { get; set; }
        public string? CurrentStaff { get; set; }

        public StoredWindow ToStored() => new(new ServiceWindow
        {
            WindowId = WindowId.ToString(),
            AgencyCode = AgencyCode.Trim(),
            Number = Number,
            Name = Name,
            Hall = Hall,
            Floor = Floor,
            Matters = { JsonSerializer.Deserialize<string[]>(Matters) ?? [] },
            OpeningHours = OpeningHours,
            SupervisionPhone = SupervisionPhone,
            Version = Version,
        }, NumberKey, CurrentStaff is null ? [] : WindowBoardStore.ParseStaff(CurrentStaff));
    }
}

/// <summary>A window as stored, with its number key (the paging key) and the staff of its current board (empty: none yet).</summary>
public sealed record StoredWindow(ServiceWindow Window, string NumberKey, IReadOnlyList<WindowStaff> CurrentBoard);
