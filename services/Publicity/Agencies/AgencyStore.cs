using Google.Protobuf;
using Longshan.Contracts.Publicity.V1;
using Longshan.Contracts.Rules;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;

namespace Longshan.Publicity.Agencies;

/// <summary>
/// The <c>agencies</c> table. Remedy channels and the disclosure (duties, status bases) are stored as the message's JSON;
/// the disclosure has a version and the time of its latest change (the registration until it is first updated).
/// </summary>
public sealed class AgencyStore
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO agencies (credit_code, name, kind, remedy_channels, registered_at, registered_by, disclosure, disclosure_version)
        VALUES (@creditCode, @name, @kind, @remedyChannels, @registeredAt, @registeredBy, @disclosure, 1)
        """);

    static readonly SqlStatement UpdateDisclosure = SqlStatement.Portable(
        """
        UPDATE agencies SET remedy_channels = @remedyChannels, disclosure = @disclosure, disclosure_version = @version,
            disclosure_updated_at = @updatedAt
        WHERE credit_code = @creditCode AND disclosure_version = @previousVersion
        """);

    const string Columns =
        """
        credit_code AS CreditCode, name AS Name, kind AS Kind, remedy_channels AS RemedyChannels, disclosure AS Disclosure,
        disclosure_version AS DisclosureVersion, COALESCE(disclosure_updated_at, registered_at) AS DisclosureUpdatedAt
        """;

    static readonly SqlStatement SelectByCode = SqlStatement.Portable($"SELECT {Columns} FROM agencies WHERE credit_code = @creditCode");

    /// <summary>Keyset order (name, code): a page continues strictly after the last row of the previous one.</summary>
    const string PageWhere = "WHERE name > @afterName OR (name = @afterName AND credit_code > @afterCode) ORDER BY name, credit_code";

    static readonly SqlStatement SelectPage = new(
        $"SELECT {Columns} FROM agencies {PageWhere} LIMIT @take",
        $"SELECT TOP (@take) {Columns} FROM agencies {PageWhere}");

    // A class: Dapper applies the platform's type handlers (DateTimeOffset) to properties.
    sealed class Row
    {
        public string CreditCode { get; set; } = "";
        public string Name { get; set; } = "";
        public string Kind { get; set; } = "";
        public string RemedyChannels { get; set; } = "";
        public string Disclosure { get; set; } = "{}";
        public int DisclosureVersion { get; set; }
        public DateTimeOffset DisclosureUpdatedAt { get; set; }
    }

    public Task InsertAsync(DbSession session, Agency agency, DateTimeOffset registeredAt, string registeredBy) =>
        session.ExecuteAsync(Insert, new
        {
            creditCode = agency.CreditCode,
            name = agency.Name,
            kind = AgencyRegistration.KindName(agency.Kind),
            remedyChannels = RemedyJson(agency),
            disclosure = DisclosureJson(agency),
            registeredAt,
            registeredBy,
        });

    /// <summary>Stores <paramref name="agency"/>'s disclosure (its version is the previous one plus one); false when another update came first.</summary>
    public async Task<bool> UpdateDisclosureAsync(DbSession session, Agency agency, DateTimeOffset updatedAt) =>
        await session.ExecuteAsync(UpdateDisclosure, new
        {
            creditCode = agency.CreditCode,
            remedyChannels = RemedyJson(agency),
            disclosure = DisclosureJson(agency),
            version = agency.DisclosureVersion,
            previousVersion = agency.DisclosureVersion - 1,
            updatedAt,
        }) == 1;

    /// <summary>The agency as stored (without its entrustment: <see cref="EntrustmentStore"/>).</summary>
    public async Task<Agency?> FindAsync(DbSession session, string creditCode)
    {
        var row = await session.SingleOrDefaultAsync<Row>(SelectByCode, new { creditCode });
        return row is null ? null : ToAgency(row);
    }

    /// <summary>
    /// The agency, which must be registered: 118号 discloses the enforcement body (执法主体) before anything it does,
    /// so a write for an unknown one is refused (<c>agency-not-registered</c>).
    /// </summary>
    public async Task<Agency> RegisteredAsync(DbSession session, string creditCode) =>
        await FindAsync(session, creditCode) ?? throw RpcErrors.FailedPrecondition(RuleCatalog.AgencyNotRegistered, creditCode);

    /// <summary>Reads the paging of the agency list (key: name and credit code).</summary>
    public static PageRequest ReadPage(FieldViolations violations, int pageSize, string? pageToken) =>
        Paging.Read(violations, "agencies", pageSize, pageToken, key => key.Count == 2);

    /// <summary>Agencies in name order, for the portal's listing.</summary>
    public async Task<Page<Agency>> ListAsync(DbSession session, PageRequest paging)
    {
        var rows = await session.ListAsync<Row>(SelectPage, new { afterName = paging.After?[0] ?? "", afterCode = paging.After?[1] ?? "", take = paging.Fetch });
        return paging.Cut(rows.Select(ToAgency).ToList(), a => [a.Name, a.CreditCode]);
    }

    static string RemedyJson(Agency agency) => JsonFormatter.Default.Format(new Agency { RemedyChannels = { agency.RemedyChannels } });

    static string DisclosureJson(Agency agency) =>
        JsonFormatter.Default.Format(new Agency { Duties = { agency.Duties }, StatusBases = { agency.StatusBases } });

    static Agency ToAgency(Row row)
    {
        var agency = JsonParser.Default.Parse<Agency>(row.RemedyChannels);
        agency.MergeFrom(JsonParser.Default.Parse<Agency>(row.Disclosure));
        agency.CreditCode = row.CreditCode.Trim();
        agency.Name = row.Name;
        agency.Kind = AgencyRegistration.KindFromName(row.Kind);
        agency.DisclosureVersion = row.DisclosureVersion;
        agency.DisclosureUpdatedOn = CountyTime.Format(CountyTime.DateOf(row.DisclosureUpdatedAt));
        return agency;
    }
}
