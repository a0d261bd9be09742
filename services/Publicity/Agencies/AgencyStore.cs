using Google.Protobuf;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;

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

    static readonly SqlStatement SelectPage = new(
        "SELECT credit_code AS CreditCode, name AS Name, kind AS Kind, remedy_channels AS RemedyChannels FROM agencies ORDER BY name, credit_code LIMIT @take OFFSET @skip",
        "SELECT credit_code AS CreditCode, name AS Name, kind AS Kind, remedy_channels AS RemedyChannels FROM agencies ORDER BY name, credit_code OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY");

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

    /// <summary>Agencies in name order, for the portal's listing.</summary>
    public async Task<IReadOnlyList<Agency>> ListAsync(DbSession session, int skip, int take) =>
        (await session.QueryAsync<Row>(SelectPage, new { skip, take })).Select(ToAgency).ToList();

    static Agency ToAgency(Row row)
    {
        var agency = JsonParser.Default.Parse<Agency>(row.RemedyChannels);
        agency.CreditCode = row.CreditCode.Trim();
        agency.Name = row.Name;
        agency.Kind = AgencyRegistration.KindFromName(row.Kind);
        return agency;
    }
}
