using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Longshan.Platform.Data;
using Longshan.Platform.Identity;

namespace Longshan.Platform.Grpc;

/// <summary>Records every accepted write (who, what, when, which trace) in the same transaction as the write.</summary>
public sealed class AuditLog(Database database, TimeProvider time)
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO audit_log (occurred_at, subject, agency_code, action, target, trace_id)
        VALUES (@occurredAt, @subject, @agencyCode, @action, @target, @traceId)
        """);

    public Task RecordAsync(DbTransaction transaction, Caller caller, string action, string target) =>
        transaction.Connection!.ExecuteAsync(database.Sql(Insert), new
        {
            occurredAt = time.GetUtcNow(),
            subject = caller.Subject,
            agencyCode = caller.AgencyCode,
            action,
            target,
            traceId = Activity.Current?.TraceId.ToHexString(),
        }, transaction);
}
