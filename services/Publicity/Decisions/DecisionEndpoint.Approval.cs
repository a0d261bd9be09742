using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Contracts.Rules;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// 公开审核 — collect → review → publish (seed task T1(1): 明确公示内容的采集、传递、审核、发布职责): the agency's
/// policy, preparation by one person, approval (the publication itself) or rejection by a second one with the
/// publisher role, and the agency's read of a decision with who did what. The persons come from the tokens.
/// </summary>
public sealed partial class DecisionEndpoint
{
    /// <summary>An agency setting: the agency itself (role agency) or the county administrator; officers may not switch it off.</summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<SetPublicationPolicyResponse> SetPublicationPolicy(SetPublicationPolicyRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations().RequestId(request.RequestId);
        if (UnifiedSocialCreditCode.Validate(request.AgencyCode) is { } agencyError) violations.Add("agency_code", agencyError);
        violations.ThrowIfAny();
        var caller = Caller.From(context);
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        caller.EnsureMayWriteFor(agencyCode);
        caller.EnsureRole(Roles.Agency);

        return await writes.RunAsync(context, request, SetPublicationPolicyResponse.Parser, async session =>
        {
            await agencies.RegisteredAsync(session, agencyCode);
            await policies.SetAsync(session, agencyCode, request.RequiresApproval, time.GetUtcNow(), caller.Subject);
            return new WriteResult<SetPublicationPolicyResponse>(
                new SetPublicationPolicyResponse { Policy = await policies.FindAsync(session, agencyCode) }, agencyCode);
        });
    }

    /// <summary>Any authenticated caller: the policy is no secret (officers need to know whether to prepare or publish).</summary>
    [Authorize(Policy = Policies.Read)]
    public override async Task<GetPublicationPolicyResponse> GetPublicationPolicy(GetPublicationPolicyRequest request, ServerCallContext context)
    {
        if (UnifiedSocialCreditCode.Validate(request.AgencyCode) is { } agencyError) new FieldViolations().Add("agency_code", agencyError).ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        return new GetPublicationPolicyResponse { Policy = await policies.FindAsync(session, UnifiedSocialCreditCode.Normalize(request.AgencyCode)) };
    }

    /// <summary>采集、传递: any writer of the deciding agency submits it; the checks of a publication run now and again at approval.</summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<PreparePublicationResponse> PreparePublication(PreparePublicationRequest request, ServerCallContext context)
    {
        new FieldViolations().RequestId(request.RequestId).ThrowIfAny();
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var caller = Caller.From(context);

        return await writes.RunAsync(context, request, PreparePublicationResponse.Parser, async session =>
        {
            var row = await OwnDecisionAsync(session, id, caller);
            await EnsurePublishableNowAsync(session, row);
            if (row.AwaitingApproval)
                throw RpcErrors.FailedPrecondition(RuleCatalog.DecisionStatus, id.ToString(), "该决定已提交公开审核 / the decision already awaits approval");
            _ = await decisions.MarkPreparedAsync(session, row, ApprovalStep.Of(caller, time.GetUtcNow())) ?? throw ChangedMeanwhile(row);
            return new WriteResult<PreparePublicationResponse>(
                new PreparePublicationResponse { Decision = DecisionLifecycle.Summary((await decisions.FindAsync(session, id))!) }, id.ToString());
        });
    }

    /// <summary>审核、发布: a publisher other than the preparer approves; the decision is published as PublishDecision would.</summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<ApprovePublicationResponse> ApprovePublication(ApprovePublicationRequest request, ServerCallContext context)
    {
        new FieldViolations().RequestId(request.RequestId).ThrowIfAny();
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var caller = Caller.From(context);
        PublicationApprovals.EnsurePublisher(caller);

        return await writes.RunAsync(context, request, ApprovePublicationResponse.Parser, async session =>
        {
            var row = await OwnDecisionAsync(session, id, caller);
            ExpectStatus(row, DecisionNames.Status.Registered, "只能审核已登记、未公开的决定 / only a registered, unpublished decision can be approved");
            if (PublicationApprovals.Refusal(row, caller.Subject, approving: true) is { } rule)
                throw RpcErrors.FailedPrecondition(rule, id.ToString());
            // Checked again: a revocation recorded, or a clearance rule, since the preparation still stops it.
            var content = await EnsurePublishableNowAsync(session, row);
            var (published, publishedEvent) = await PublishAsync(session, row, content, ApprovalStep.Of(caller, time.GetUtcNow()));
            var response = new ApprovePublicationResponse
            {
                Decision = published.Decision, OnTime = published.OnTime, Summary = DecisionLifecycle.Summary((await decisions.FindAsync(session, id))!),
            };
            return new WriteResult<ApprovePublicationResponse>(response, id.ToString(), publishedEvent);
        });
    }

    /// <summary>A publisher sends it back with a reason (kept, not published); it is registered again and may be corrected.</summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<RejectPublicationResponse> RejectPublication(RejectPublicationRequest request, ServerCallContext context)
    {
        PublicationApprovals.ValidateRejection(request).ThrowIfAny();
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var caller = Caller.From(context);
        PublicationApprovals.EnsurePublisher(caller);

        return await writes.RunAsync(context, request, RejectPublicationResponse.Parser, async session =>
        {
            var row = await OwnDecisionAsync(session, id, caller);
            if (PublicationApprovals.Refusal(row, caller.Subject, approving: false) is { } rule)
                throw RpcErrors.FailedPrecondition(rule, id.ToString());
            _ = await decisions.MarkRejectedAsync(session, row, ApprovalStep.Of(caller, time.GetUtcNow()), request.Reason.Trim()) ?? throw ChangedMeanwhile(row);
            return new WriteResult<RejectPublicationResponse>(
                new RejectPublicationResponse { Decision = DecisionLifecycle.Summary((await decisions.FindAsync(session, id))!) }, id.ToString());
        });
    }

    /// <summary>The deciding agency's view (no content): persons of that agency, the county administrator, the big-data center.</summary>
    [Authorize(Policy = Policies.Read)]
    public override async Task<GetDecisionResponse> GetDecision(GetDecisionRequest request, ServerCallContext context)
    {
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var caller = Caller.From(context);
        var row = await decisions.FindAsync(await reads.GetAsync(context.CancellationToken), id) ?? throw NotFound(id);
        if (!caller.IsCountyAdmin && !caller.Has(Roles.DataCenter) && !string.Equals(caller.AgencyCode, row.AgencyCode, StringComparison.Ordinal))
            throw RpcErrors.PermissionDenied($"调用方（{caller.AgencyCode}）无权查看执法主体 {row.AgencyCode} 的决定 / the decision belongs to another agency");
        return new GetDecisionResponse { Decision = DecisionLifecycle.Summary(row) };
    }
}
