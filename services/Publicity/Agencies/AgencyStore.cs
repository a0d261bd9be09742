using Google.Protobuf;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;

namespace Longshan.Publicity.Agencies;

/// <summary>The <c>agencies</c> table. Remedy channels are stored as the message's JSON.</summary>
public sealed class AgencyStore
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO agencies (credit_code, name, kind, remedy_channels, registered_at, registered_by)
        VALUES (@creditCode, @name, @kind, @remedyChannels, @registeredAt, @registeredBy)
        """);

    static readonly SqlStatement SelectByCode = SqlStatement.Portable(
        "SELECT credit_code AS CreditCode, name AS Name, kind AS Kind, remedy_channels AS RemedyChannels FROM agencies WHERE credit_code = @creditCode");

    /// <summary>Keyset order (name, code): a page continues strictly after the last row of the previous one.</summary>
    const string PageWhere = "WHERE name > @afterName OR (name = @afterName AND credit_code > @afterCode) ORDER BY name, credit_code";

    static readonly SqlStatement SelectPage = new(
        $"SELECT credit_code AS CreditCode, name AS Name, kind AS Kind, remedy_channels AS RemedyChannels FROM agencies {PageWhere} LIMIT @take",
        $"SELECT TOP (@take) credit_code AS CreditCode, name AS Name, kind AS Kind, remedy_channels AS RemedyChannels FROM agencies {PageWhere}");

    sealed record Row(string CreditCode, string Name, string Kind, string RemedyChannels);

    public Task InsertAsync(DbSession session, Agency agency, DateTimeOffset registeredAt, string registeredBy) =>
        session.ExecuteAsync(Insert, new
        {
            creditCode = agency.CreditCode,
            name = agency.Name,
            kind = AgencyRegistration.KindName(agency.Kind),
            remedyChannels = JsonFormatter.Default.Format(new Agency { RemedyChannels = { agency.RemedyChannels } }),
            registeredAt,
            registeredBy,
        });

    public async Task<Agency?> FindAsync(DbSession session, string creditCode)
    {
        var row = await session.SingleOrDefaultAsync<Row>(SelectByCode, new { creditCode });
        return row is null ? null : ToAgency(row);
    }

    /// <summary>Reads the paging of the agency list (key: name and credit code).</summary>
    public static PageRequest ReadPage(FieldViolations violations, int pageSize, string? pageToken) =>
        Paging.Read(violations, "agencies", pageSize, pageToken, key => key.Count == 2);

    /// <summary>Agencies in name order, for the portal's listing.</summary>
    public async Task<Page<Agency>> ListAsync(DbSession session, PageRequest paging)
    {
        var rows = await session.ListAsync<Row>(SelectPage, new { afterName = paging.After?[0] ?? "", afterCode = paging.After?[1] ?? "", take = paging.Fetch });
        return paging.Cut(rows.Select(ToAgency).ToList(), a => [a.Name, a.CreditCode]);
    }

    static Agency ToAgency(Row row)
    {
        var agency = JsonParser.Default.Parse<Agency>(row.RemedyChannels);
        agency.CreditCode = row.CreditCode.Trim();
        agency.Name = row.Name;
        agency.Kind = AgencyRegistration.KindFromName(row.Kind);
        return agency;
    }
}
