using System.Diagnostics;
using Longshan.Contracts.Events.Archive;
using Longshan.Contracts.Rules;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identity;
using Longshan.Platform.Messaging;
using Longshan.RecordingArchive.Cases;
using Longshan.RecordingArchive.EvidenceFiles;

namespace Longshan.RecordingArchive.Retrievals;

/// <summary>
/// Who may read what (T9): an agency reads its own open cases and its own files freely; another agency's case, or an
/// archived case (even its own), only through an approved retrieval of the reader (the person in the token), and every
/// such read is logged — who, what, when, why (the retrieval's reason), the trace id — and published as RecordRetrieved.
/// </summary>
public sealed class ReadAccess(RetrievalStore retrievals, CaseStore cases, WriteQueue writes, OutboxWriter outbox, TimeProvider time)
{
    /// <summary>Null when the caller reads its own open case; otherwise the approved retrieval the read goes through.</summary>
    public async Task<RetrievalRow?> ForCaseAsync(DbSession session, Caller caller, CaseRow caseFile, string retrievalId)
    {
        if (!caseFile.IsSealed && caller.AgencyCode == caseFile.AgencyCode) return null;
        return await ApprovedAsync(session, caller, retrievalId, r => r.CaseId == caseFile.CaseId, caseFile.CaseId.ToString());
    }

    /// <summary>
    /// Null when the file is the caller's agency's and no archived case holds it; otherwise the approved retrieval of a case
    /// that holds the file.
    /// </summary>
    public async Task<RetrievalRow?> ForEvidenceAsync(DbSession session, Caller caller, EvidenceRow evidence, string retrievalId)
    {
        var holding = await cases.CasesOfEvidenceAsync(session, evidence.EvidenceId);
        if (caller.AgencyCode == evidence.AgencyCode && holding.All(c => !c.IsSealed)) return null;
        return await ApprovedAsync(session, caller, retrievalId, r => holding.Any(c => c.CaseId == r.CaseId), evidence.EvidenceId.ToString());
    }

    async Task<RetrievalRow> ApprovedAsync(DbSession session, Caller caller, string retrievalId, Func<RetrievalRow, bool> covers, string subject)
    {
        if (Guid.TryParse(retrievalId, out var id) && await retrievals.FindAsync(session, id) is { } retrieval
            && retrieval.IsApproved && retrieval.RequestedBy == caller.Subject && covers(retrieval))
            return retrieval;
        throw RpcErrors.FailedPrecondition(RuleCatalog.RetrievalRequired, subject);
    }

    /// <summary>Logs one read through <paramref name="retrieval"/> and publishes RecordRetrieved (one transaction).</summary>
    public async Task LogReadAsync(Caller caller, RetrievalRow retrieval, string target, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = CountyTime.DateOf(now);
        await writes.RunAsync(async session =>
        {
            await retrievals.InsertReadAsync(session, retrieval.RetrievalId, retrieval.AgencyCode, caller.Subject, caller.AgencyCode, target, now, today,
                Activity.Current?.TraceId.ToHexString());
            await outbox.AddAsync(session, new RecordRetrieved
            {
                EventId = Guid.NewGuid(), OccurredAt = now, AgencyCode = retrieval.AgencyCode, RetrievalId = retrieval.RetrievalId,
                CaseId = retrieval.CaseId, Target = target, ReadBy = caller.Subject, ReaderAgencyCode = caller.AgencyCode,
                ApprovedBy = retrieval.ApprovedBy, ReadOn = today,
            });
            return true;
        }, cancellationToken);
        outbox.Wake();
    }
}
