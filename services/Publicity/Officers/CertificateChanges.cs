using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identity;

namespace Longshan.Publicity.Officers;

/// <summary>
/// Renew, suspend, reinstate, revoke: one transaction each — the row, its <c>OfficerCertificateChanged</c> event,
/// the audit row and the request log. Only the officer's agency (or the county administrator) may change it.
/// </summary>
public sealed class CertificateChanges(
    OfficerStore officers, WriteTransaction writes, TimeProvider time)
{
    public sealed record Change(
        CertificateChange Kind, string RequestId, string CertificateNumber, string Reason, DateOnly? ValidFrom = null, DateOnly? ValidTo = null);

    /// <summary>Applies a validated change; a repeat of the same request_id returns the first result.</summary>
    public async Task<Officer> ApplyAsync(Change change, Google.Protobuf.IMessage request, ServerCallContext context)
    {
        var caller = Caller.From(context);
        var number = CertificateNumberFormat.Normalize(change.CertificateNumber);
        var reason = change.Reason.Trim();
        return await writes.RunAsync(context, request, Officer.Parser, async session =>
        {
            var officer = await officers.FindAsync(session, number)
                ?? throw RpcErrors.NotFound($"执法证号 {number} 不存在 / no such certificate");
            caller.EnsureMayWriteFor(officer.AgencyCode);
            if (CertificateLifecycle.Refuse(officer.State, change.Kind) is { } refusal)
                throw RpcErrors.FailedPrecondition(refusal.Rule, number, refusal.Description);

            var changed = CertificateLifecycle.Apply(officer, change.Kind, reason, change.ValidFrom, change.ValidTo);
            var now = time.GetUtcNow();
            var today = CountyTime.Today(time);
            var stored = await officers.UpdateAsync(session, changed, now) ?? throw RpcErrors.Aborted(number);
            return new WriteResult<Officer>(OfficerMapping.ToOfficer(stored, today), number,
                OfficerMapping.ToChangedEvent(stored, change.Kind, reason, today, Guid.NewGuid(), now));
        });
    }
}
