using Longshan.Publicity.Calendar;
using System.Text.Json;
using Dapper;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;

namespace Longshan.Publicity.Officers;

/// <summary>
/// 执法证查询 — the public check a citizen makes at the door (《行政处罚法》第五十五条: officers show their
/// certificate; 118号: anyone can verify it). One seek on the unique certificate-number index, joined with the
/// agency's disclosed name.
/// </summary>
public sealed class CertificateVerification(Database database)
{
    static readonly SqlStatement SelectByNumber = SqlStatement.Portable(
        """
        SELECT o.name AS holder_name, o.agency_code, a.name AS agency_name, o.certificate_number, o.certificate_kind,
               o.issuing_body, o.valid_from, o.valid_to, o.areas, o.state
        FROM officers o JOIN agencies a ON a.credit_code = o.agency_code
        WHERE o.certificate_number = @certificateNumber
        """);

    /// <summary>The certificate as disclosed on <paramref name="today"/>, or null when no such number was issued here.</summary>
    public async Task<VerifyCertificateResponse?> VerifyAsync(string certificateNumber, DateOnly today, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(database.Sql(SelectByNumber), new { certificateNumber }, cancellationToken: cancellationToken));
        return row?.ToResponse(today);
    }

    sealed class Row
    {
        public string HolderName { get; init; } = "";
        public string AgencyCode { get; init; } = "";
        public string AgencyName { get; init; } = "";
        public string CertificateNumber { get; init; } = "";
        public string CertificateKind { get; init; } = "";
        public string IssuingBody { get; init; } = "";
        public DateOnly ValidFrom { get; init; }
        public DateOnly ValidTo { get; init; }
        public string Areas { get; init; } = "[]";
        public string State { get; init; } = "";

        public VerifyCertificateResponse ToResponse(DateOnly today) => new()
        {
            HolderName = HolderName,
            AgencyCode = AgencyCode.Trim(),
            AgencyName = AgencyName,
            CertificateNumber = CertificateNumber,
            Kind = OfficerMapping.KindFromName(CertificateKind),
            IssuingBody = IssuingBody,
            Areas = { JsonSerializer.Deserialize<string[]>(Areas) ?? [] },
            Status = CertificateLifecycle.StatusOn(OfficerMapping.StateFromName(State), ValidFrom, ValidTo, today),
            ValidFrom = CountyTime.Format(ValidFrom),
            ValidTo = CountyTime.Format(ValidTo),
            CheckedOn = CountyTime.Format(today),
        };
    }
}
