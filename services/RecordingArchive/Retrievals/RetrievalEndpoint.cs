using Grpc.Core;
using Longshan.Contracts.Archive.V1;
using Longshan.Contracts.Rules;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.RecordingArchive.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Longshan.RecordingArchive.Retrievals;

/// <summary>gRPC <c>longshan.archive.v1.RetrievalService</c>: retrieval requests (调阅), their approval and the per-agency report.</summary>
public sealed class RetrievalEndpoint(
    ReadSession reads, RetrievalStore retrievals, CaseStore cases, WriteTransaction writes, IOptions<ArchiveOptions> options, TimeProvider time)
    : RetrievalService.RetrievalServiceBase
{
    [Authorize(Policy = Policies.Write)]
    public override async Task<RetrievalResponse> RequestRetrieval(RequestRetrievalRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations().RequestId(request.RequestId);
        if (!Guid.TryParse(request.CaseId, out var caseId)) violations.Add("case_id", "须为 UUID / must be a UUID");
        violations.Required("reason", request.Reason).MaxLength("reason", request.Reason, 500).ThrowIfAny();
        var caller = Caller.From(context);
        return await writes.RunAsync(context, request, RetrievalResponse.Parser, async session =>
        {
            var caseFile = await cases.FindAsync(session, caseId) ?? throw RpcErrors.NotFound($"案卷 {caseId} 不存在 / no such case");
            var needsApproval = options.Value.For(caseFile.AgencyCode).RetrievalNeedsApproval;
            var now = time.GetUtcNow();
            var row = new RetrievalRow
            {
                RetrievalId = Guid.NewGuid(), CaseId = caseId, AgencyCode = caseFile.AgencyCode, RequestedBy = caller.Subject,
                RequesterAgency = caller.AgencyCode, Reason = request.Reason.Trim(), Status = needsApproval ? RetrievalStore.Pending : RetrievalStore.Approved,
                RequestedAt = now, ApprovedAt = needsApproval ? null : now,
            };
            await retrievals.InsertAsync(session, row);
            return new WriteResult<RetrievalResponse>(new RetrievalResponse { Retrieval = ToProto(row) }, row.RetrievalId.ToString());
        });
    }

    /// <summary>A second person of the owning agency (or the county administrator) approves; never the requester.</summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<RetrievalResponse> ApproveRetrieval(ApproveRetrievalRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations().RequestId(request.RequestId);
        if (!Guid.TryParse(request.RetrievalId, out var retrievalId)) violations.Add("retrieval_id", "须为 UUID / must be a UUID");
        violations.ThrowIfAny();
        var caller = Caller.From(context);
        return await writes.RunAsync(context, request, RetrievalResponse.Parser, async session =>
        {
            var row = await retrievals.FindAsync(session, retrievalId) ?? throw RpcErrors.NotFound($"调阅申请 {retrievalId} 不存在 / no such retrieval");
            caller.EnsureMayWriteFor(row.AgencyCode);
            if (row.RequestedBy == caller.Subject) throw RpcErrors.FailedPrecondition(RuleCatalog.RetrievalSelfApproval, retrievalId.ToString());
            if (row.IsApproved) throw RpcErrors.FailedPrecondition(RuleCatalog.RetrievalNotPending, retrievalId.ToString());
            var now = time.GetUtcNow();
            if (!await retrievals.ApproveAsync(session, retrievalId, caller.Subject, now)) throw RpcErrors.Aborted(retrievalId.ToString());
            row.Status = RetrievalStore.Approved;
            row.ApprovedBy = caller.Subject;
            row.ApprovedAt = now;
            return new WriteResult<RetrievalResponse>(new RetrievalResponse { Retrieval = ToProto(row) }, retrievalId.ToString());
        });
    }

    /// <summary>The agency itself, the county administrator or the data center reads the report of an agency's retrievals.</summary>
    [Authorize(Policy = Policies.Read)]
    public override async Task<ReportRetrievalsResponse> ReportRetrievals(ReportRetrievalsRequest request, ServerCallContext context)
    {
        var agency = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var violations = new FieldViolations();
        if (UnifiedSocialCreditCode.Validate(agency) is { } error) violations.Add("agency_code", error);
        var from = CountyTime.ParseDate(request.From);
        var to = CountyTime.ParseDate(request.To);
        if (from is null) violations.Add("from", "须为 YYYY-MM-DD / must be YYYY-MM-DD");
        if (to is null) violations.Add("to", "须为 YYYY-MM-DD / must be YYYY-MM-DD");
        if (from > to) violations.Add("to", "不得早于 from / must not be before from");
        violations.ThrowIfAny();
        var caller = Caller.From(context);
        if (caller.AgencyCode != agency && !caller.IsCountyAdmin && !caller.Has(Roles.DataCenter))
            throw RpcErrors.PermissionDenied("只能查看本单位的调阅报告 / only the agency's own retrieval report");
        var session = await reads.GetAsync(context.CancellationToken);
        var rows = await retrievals.ReportAsync(session, agency, from!.Value, to!.Value);
        return new ReportRetrievalsResponse
        {
            Reads =
            {
                rows.Select(r => new RetrievalRead
                {
                    RetrievalId = r.RetrievalId.ToString(), CaseId = r.CaseId.ToString(), CaseNumber = r.CaseNumber, ReadBy = r.ReadBy,
                    ReaderAgency = r.ReaderAgency, Target = r.Target, ReadAt = r.ReadAt.ToString("O"), Reason = r.Reason,
                    ApprovedBy = r.ApprovedBy ?? "", TraceId = r.TraceId ?? "",
                }),
            },
        };
    }

    static Retrieval ToProto(RetrievalRow row) => new()
    {
        RetrievalId = row.RetrievalId.ToString(), CaseId = row.CaseId.ToString(), AgencyCode = row.AgencyCode, RequestedBy = row.RequestedBy,
        RequesterAgency = row.RequesterAgency, Reason = row.Reason, Status = row.Status, ApprovedBy = row.ApprovedBy ?? "",
        RequestedAt = row.RequestedAt.ToString("O"),
    };
}
