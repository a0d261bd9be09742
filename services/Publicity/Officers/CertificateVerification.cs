using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text.Json;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Longshan.Publicity.Officers;

/// <summary>
/// 执法证查询 — the public check a citizen makes at the door (《行政处罚法》第五十五条: officers show their
/// certificate; 118号: anyone can verify it). One seek on the unique certificate-number index, joined with the
/// agency's disclosed name. It is the platform's hottest read, so the statement is prepared once per connection and
/// kept (a small pool of open connections with the prepared command) instead of being parsed on every call.
/// <para>
/// On SQLite the answers of the current county day are also kept (<see cref="Answers"/>), and every call first asks
/// its kept connection for <c>PRAGMA data_version</c>, which changes when any other connection — this instance's
/// writers, another instance on the same file, a tool — has committed since that connection last asked. A change
/// drops every kept answer before this call reads, so a revocation or suspension is seen by the very next check
/// after its commit, whoever made it. The status depends on the date (valid / expired on <c>today</c>), so answers
/// are kept for one county day only.
/// </para>
/// <para>
/// On SQL Server nothing is kept: there is no per-connection change counter, and checking one (a round trip) would
/// cost as much as the indexed lookup it would save. Every check reads the database.
/// </para>
/// Answers are shared between callers: treat a returned response as read-only.
/// </summary>
public sealed class CertificateVerification(Database database) : IDisposable
{
    const int MaxIdleLookups = 32;

    /// <summary>Past this many kept answers (unknown numbers are kept too) the cache starts afresh: memory stays bounded.</summary>
    const int MaxAnswers = 100_000;

    static readonly SqlStatement SelectByNumber = SqlStatement.Portable(
        """
        SELECT o.name, o.agency_code, a.name, o.certificate_number, o.certificate_kind,
               o.issuing_body, o.valid_from, o.valid_to, o.areas, o.state
        FROM officers o JOIN agencies a ON a.credit_code = o.agency_code
        WHERE o.certificate_number = @certificateNumber
        """);

    /// <summary>SQLite only: changes when another connection commits (sqlite.org/pragma.html#pragma_data_version).</summary>
    static readonly SqlStatement DataVersion = new("PRAGMA data_version", "");

    readonly ConcurrentBag<Lookup> idle = [];
    int idleCount; // ConcurrentBag.Count takes every thread's lock: counted here instead
    readonly bool keepsAnswers = database.Dialect == SqlDialect.Sqlite;
    long epoch;
    Answers answers = new(DateOnly.MinValue, 0);

    /// <summary>The certificate as disclosed on <paramref name="today"/>, or null when no such number was issued here.</summary>
    public async Task<VerifyCertificateResponse?> VerifyAsync(string certificateNumber, DateOnly today, CancellationToken cancellationToken)
    {
        Lookup lookup;
        if (idle.TryTake(out var kept))
        {
            Interlocked.Decrement(ref idleCount);
            lookup = kept;
        }
        else lookup = await Lookup.OpenAsync(database, keepsAnswers, cancellationToken);
        VerifyCertificateResponse? response;
        try
        {
            response = keepsAnswers ? await KeptOrFindAsync(lookup, certificateNumber, today, cancellationToken)
                : await lookup.FindAsync(certificateNumber, today, cancellationToken);
        }
        catch
        {
            lookup.Dispose(); // a broken connection is not kept
            throw;
        }
        if (Interlocked.Increment(ref idleCount) <= MaxIdleLookups) idle.Add(lookup);
        else
        {
            Interlocked.Decrement(ref idleCount);
            lookup.Dispose();
        }
        PublicityMetrics.CertificateChecked(response is null ? "unknown" : OfficerMapping.StatusName(response.Status));
        return response;
    }

    /// <summary>
    /// The kept answer, unless the database changed since this connection last looked. The check comes first, then
    /// the answers are taken; a change starts new answers (a higher <see cref="Answers.Epoch"/>) before this call reads.
    /// Newer answers are never replaced by older ones, so answers begun before a commit cannot come back after a
    /// connection has seen that commit; an answer read into answers already dropped goes with them.
    /// </summary>
    async Task<VerifyCertificateResponse?> KeptOrFindAsync(Lookup lookup, string certificateNumber, DateOnly today, CancellationToken cancellationToken)
    {
        var changed = lookup.DatabaseChanged();
        var current = Volatile.Read(ref answers);
        if (changed || current.Day != today || current.ByNumber.Count >= MaxAnswers)
            current = Publish(new Answers(today, Interlocked.Increment(ref epoch)));
        if (current.ByNumber.TryGetValue(certificateNumber, out var known)) return known;
        var found = await lookup.FindAsync(certificateNumber, today, cancellationToken);
        current.ByNumber.TryAdd(certificateNumber, found);
        return found;
    }

    /// <summary>Makes <paramref name="fresh"/> the kept answers unless newer ones are kept already; returns it either way.</summary>
    Answers Publish(Answers fresh)
    {
        var seen = Volatile.Read(ref answers);
        while (seen.Epoch < fresh.Epoch)
        {
            var was = Interlocked.CompareExchange(ref answers, fresh, seen);
            if (ReferenceEquals(was, seen)) break;
            seen = was;
        }
        return fresh;
    }

    public void Dispose()
    {
        while (idle.TryTake(out var lookup))
        {
            Interlocked.Decrement(ref idleCount);
            lookup.Dispose();
        }
    }

    /// <summary>The answers of one county day, by normalised certificate number (null: no such certificate).</summary>
    /// <param name="epoch">Increases with every new set of answers: a later set replaces an earlier one, never the reverse.</param>
    sealed class Answers(DateOnly day, long epoch)
    {
        public DateOnly Day { get; } = day;

        public long Epoch { get; } = epoch;

        public ConcurrentDictionary<string, VerifyCertificateResponse?> ByNumber { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>An open connection with the prepared statements; used by one caller at a time.</summary>
    sealed class Lookup(DbSession session, DbCommand command, DbParameter number, sqlite3_stmt? dataVersion) : IDisposable
    {
        /// <summary>The connection's data version when it last looked; null before its first look.</summary>
        long? seenVersion;

        public static async Task<Lookup> OpenAsync(Database database, bool watchesChanges, CancellationToken cancellationToken)
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
            // The pragma runs on the connection's own SQLite handle: nothing but SQLite's own work on every call.
            sqlite3_stmt? dataVersion = null;
            if (watchesChanges && raw.sqlite3_prepare_v2(((SqliteConnection)session.Connection).Handle, session.Sql(DataVersion), out dataVersion) != raw.SQLITE_OK)
                throw new InvalidOperationException("PRAGMA data_version: " + raw.sqlite3_errmsg(((SqliteConnection)session.Connection).Handle).utf8_to_string());
            return new Lookup(session, command, number, dataVersion);
        }

        /// <summary>
        /// Whether any other connection committed since this one last asked. A connection's first answer is "changed":
        /// it cannot know what happened before it was opened. (SQLite is in-process: the pragma reads a counter in
        /// the shared WAL index, no I/O.)
        /// </summary>
        public bool DatabaseChanged()
        {
            var step = raw.sqlite3_step(dataVersion);
            long? version = step == raw.SQLITE_ROW ? raw.sqlite3_column_int64(dataVersion, 0) : null;
            raw.sqlite3_reset(dataVersion);
            if (version is null) // busy for a moment (another connection recovering the WAL): say "changed", the lookup reads
            {
                seenVersion = null;
                return true;
            }
            var changed = version != seenVersion;
            seenVersion = version;
            return changed;
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
            dataVersion?.Dispose(); // finalised before the connection goes back to the pool
            command.Dispose();
            session.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
