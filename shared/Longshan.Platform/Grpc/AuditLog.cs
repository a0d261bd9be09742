using System.Diagnostics;
using Longshan.Platform.Data;
using Longshan.Platform.Identity;

namespace Longshan.Platform.Grpc;

/// <summary>Records every accepted write (who — the person and their agency —, what, when, which trace) in the write's transaction.</summary>
public sealed class AuditLog(TimeProvider time)
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO audit_log (occurred_at, subject, subject_name, agency_code, action, target, trace_id)
        VALUES (@occurredAt, @subject, @subjectName, @agencyCode, @action, @target, @traceId)
        """);

    public Task RecordAsync(DbSession session, Caller caller, string action, string target) =>
        session.ExecuteAsync(Insert, new
        {
            occurredAt = time.GetUtcNow(),
            subject = caller.Subject,
            subjectName = caller.Name,
            agencyCode = caller.AgencyCode,
            action,
            target,
            traceId = Activity.Current?.TraceId.ToHexString(),
        });
}
