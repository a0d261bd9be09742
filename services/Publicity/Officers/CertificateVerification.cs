using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text.Json;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;

namespace Longshan.Publicity.Officers;

/// <summary>
/// 执法证查询 — the public check a citizen makes at the door (《行政处罚法》第五十五条: officers show their
/// certificate; 118号: anyone can verify it). One seek on the unique certificate-number index, joined with the
/// agency's disclosed name. It is the platform's hottest read, so the statement is prepared once per connection and
/// kept (a small pool of open connections with the prepared command) instead of being parsed on every call; each
/// execution is its own read, so a change is visible to the next check.
/// </summary>
public sealed class CertificateVerification(Database database) : IDisposable
{
    const int MaxIdleLookups = 32;

    static readonly SqlStatement SelectByNumber = SqlStatement.Portable(
        """
        SELECT o.name, o.agency_code, a.name, o.certificate_number, o.certificate_kind,
               o.issuing_body, o.valid_from, o.valid_to, o.areas, o.state
        FROM officers o JOIN agencies a ON a.credit_code = o.agency_code
        WHERE o.certificate_number = @certificateNumber
        """);

    readonly ConcurrentBag<Lookup> idle = [];

    /// <summary>The certificate as disclosed on <paramref name="today"/>, or null when no such number was issued here.</summary>
    public async Task<VerifyCertificateResponse?> VerifyAsync(string certificateNumber, DateOnly today, CancellationToken cancellationToken)
    {
        var lookup = idle.TryTake(out var kept) ? kept : await Lookup.OpenAsync(database, cancellationToken);
        VerifyCertificateResponse? response;
        try
        {
            response = await lookup.FindAsync(certificateNumber, today, cancellationToken);
        }
        catch
        {
            lookup.Dispose(); // a broken connection is not kept
            throw;
        }
        if (idle.Count < MaxIdleLookups) idle.Add(lookup);
        else lookup.Dispose();
        PublicityMetrics.CertificateChecked(response is null ? "unknown" : OfficerMapping.StatusName(response.Status));
        return response;
    }

    public void Dispose()
    {
        while (idle.TryTake(out var lookup)) lookup.Dispose();
    }

    /// <summary>An open connection with the prepared statement; used by one caller at a time.</summary>
    sealed class Lookup(DbSession session, DbCommand command, DbParameter number) : IDisposable
    {
        public static async Task<Lookup> OpenAsync(Database database, CancellationToken cancellationToken)
        {
            var session = await database.ReadAsync(cancellationToken);
            var command = session.Connection.CreateCommand();
            command.CommandText = session.Sql(SelectByNumber);
            var number = command.CreateParameter();
            number.ParameterName = "@certificateNumber";
            number.DbType = DbType.String;
            number.Size = 64;
            command.Parameters.Add(number);
            await command.PrepareAsync(cancellationToken);
            return new Lookup(session, command, number);
        }

        public async Task<VerifyCertificateResponse?> FindAsync(string certificateNumber, DateOnly today, CancellationToken cancellationToken)
        {
            number.Value = certificateNumber;
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            var (validFrom, validTo) = (ReadDate(reader, 6), ReadDate(reader, 7));
            return new VerifyCertificateResponse
            {
                HolderName = reader.GetString(0),
                AgencyCode = reader.GetString(1).Trim(),
                AgencyName = reader.GetString(2),
                CertificateNumber = reader.GetString(3),
                Kind = OfficerMapping.KindFromName(reader.GetString(4)),
                IssuingBody = reader.GetString(5),
                ValidFrom = CountyTime.Format(validFrom),
                ValidTo = CountyTime.Format(validTo),
                Areas = { JsonSerializer.Deserialize<string[]>(reader.GetString(8)) ?? [] },
                Status = CertificateLifecycle.StatusOn(OfficerMapping.StateFromName(reader.GetString(9)), validFrom, validTo, today),
                CheckedOn = CountyTime.Format(today),
            };
        }

        /// <summary>SQLite keeps dates as yyyy-MM-dd text; SQL Server as DATE.</summary>
        static DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
        {
            DateTime date => DateOnly.FromDateTime(date),
            var text => CountyTime.Date((string)text),
        };

        public void Dispose()
        {
            command.Dispose();
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
