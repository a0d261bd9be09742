using System.Text.Json;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;

namespace Longshan.Publicity.Agencies;

/// <summary>The <c>entrustments</c> table: every entrustment of an entrusted organisation (受委托组织), one row per version.</summary>
public sealed class EntrustmentStore
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO entrustments (entrusted_code, version, entrusting_code, scope, power_item_codes, document_number, valid_from, valid_to,
            registered_at, registered_by)
        VALUES (@entrustedCode, @version, @entrustingCode, @scope, @powerItemCodes, @documentNumber, @validFrom, @validTo, @registeredAt, @registeredBy)
        """);

    static readonly SqlStatement SelectVersions = SqlStatement.Portable(
        """
        SELECT e.version AS Version, e.entrusting_code AS EntrustingCode, a.name AS EntrustingName, e.scope AS Scope,
            e.power_item_codes AS PowerItemCodes, e.document_number AS DocumentNumber, e.valid_from AS ValidFrom, e.valid_to AS ValidTo
        FROM entrustments e JOIN agencies a ON a.credit_code = e.entrusting_code
        WHERE e.entrusted_code = @entrustedCode
        ORDER BY e.version
        """);

    sealed class Row
    {
        public int Version { get; set; }
        public string EntrustingCode { get; set; } = "";
        public string EntrustingName { get; set; } = "";
        public string Scope { get; set; } = "";
        public string PowerItemCodes { get; set; } = "[]";
        public string DocumentNumber { get; set; } = "";
        public DateOnly ValidFrom { get; set; }
        public DateOnly ValidTo { get; set; }
    }

    public Task InsertAsync(DbSession session, string entrustedCode, Entrustment entrustment, DateTimeOffset registeredAt, string registeredBy) =>
        session.ExecuteAsync(Insert, new
        {
            entrustedCode,
            version = entrustment.Version,
            entrustingCode = entrustment.EntrustingAgencyCode,
            scope = entrustment.Scope,
            powerItemCodes = JsonSerializer.Serialize(entrustment.PowerItemCodes.ToList()),
            documentNumber = entrustment.DocumentNumber,
            validFrom = CountyTime.Date(entrustment.ValidFrom),
            validTo = CountyTime.Date(entrustment.ValidTo),
            registeredAt,
            registeredBy,
        });

    /// <summary>Every entrustment of the organisation, oldest first; empty for an agency that is not entrusted.</summary>
    public async Task<IReadOnlyList<Entrustment>> VersionsAsync(DbSession session, string entrustedCode) =>
        (await session.ListAsync<Row>(SelectVersions, new { entrustedCode })).Select(ToEntrustment).ToList();

    static Entrustment ToEntrustment(Row row) => new()
    {
        Version = row.Version,
        EntrustingAgencyCode = row.EntrustingCode.Trim(),
        EntrustingAgencyName = row.EntrustingName,
        Scope = row.Scope,
        PowerItemCodes = { JsonSerializer.Deserialize<List<string>>(row.PowerItemCodes) ?? [] },
        DocumentNumber = row.DocumentNumber,
        ValidFrom = CountyTime.Format(row.ValidFrom),
        ValidTo = CountyTime.Format(row.ValidTo),
    };
}
