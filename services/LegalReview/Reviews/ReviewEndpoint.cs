using Google.Protobuf;
using Grpc.Core;
using Longshan.Contracts.Events;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Contracts.Rules;
using Longshan.LegalReview.Agencies;
using Longshan.LegalReview.Roster;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Platform.Legal;
using Microsoft.AspNetCore.Authorization;
using Roles = Longshan.Platform.Identity.Roles;
using StepRoles = Longshan.LegalReview.Reviews.ReviewNames.Roles;

namespace Longshan.LegalReview.Reviews;

/// <summary>
/// gRPC <c>longshan.legalreview.v1.ReviewService</c> — the legal-review workflow (T10, T13–T15). Every step is one
/// <see cref="WriteTransaction"/>: the request's row is changed only at the version it was read (a concurrent change is
/// <c>Aborted</c>), the step is recorded with the person and role from the token, and its events go to the outbox.
/// </summary>
public sealed class ReviewEndpoint(
    ReadSession reads, ReviewStore store, ReviewerStore roster, KnownAgencyStore agencies, ReviewView view, HolidayCalendar calendar,
    ReviewTimeLimitOptions options, WriteTransaction writes, TimeProvider time)
    : ReviewService.ReviewServiceBase
{
    /// <summary>Who may take a step: the handling agency, its legal-review body, or the assigned reviewer alone.</summary>
    enum Actor { HandlingUnit, ReviewingBody, AssignedReviewer, Leadership }

    /// <summary>What a step changed: the new row, the note of the step, its events.</summary>
    sealed record Change(ReviewRow Row, string Note, params IntegrationEvent[] Events)
    {
        public string? Target { get; init; }
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<ReviewResponse> SubmitReview(SubmitReviewRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        ReviewValidation.Validate(request, today).ThrowIfAny();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        if (UnifiedSocialCreditCode.Validate(agencyCode) is { } error) new FieldViolations().Add("agency_code", error).ThrowIfAny();
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agencyCode);
        var caseNumber = CaseNumbers.Normalize(request.CaseNumber);
        var openedOn = CountyTime.Date(request.CaseOpenedOn);
        request.Materials.DraftDigest = request.Materials.DraftDigest.Trim().ToLowerInvariant();

        return await writes.RunAsync(context, request, ReviewResponse.Parser, async session =>
        {
            if (await agencies.FindAsync(session, agencyCode) is null)
                throw RpcErrors.FailedPrecondition(RuleCatalog.AgencyNotRegistered, agencyCode);
            if (await store.HasOpenRequestAsync(session, agencyCode, caseNumber))
                throw RpcErrors.AlreadyExists($"案号 {caseNumber} 已有审核中的申请 / a review of this case is already open");
            var now = time.GetUtcNow();
            var row = new ReviewRow
            {
                ReviewId = Guid.NewGuid().ToString(), AgencyCode = agencyCode, CaseNumber = caseNumber, CaseOpenedOn = openedOn,
                CaseDeadline = ReviewTimeLimits.CaseDeadline(openedOn, options), ComplexCase = request.ComplexCase, AgencyHead = request.AgencyHead.Trim(),
                Status = ReviewNames.Name(ReviewStatus.Submitted), Version = 1, MaterialsVersion = 1, SubmittedAt = now, UpdatedAt = now,
            };
            await store.InsertAsync(session, row);
            await store.AddVersionAsync(session, row.ReviewId, 1, request.Materials, now, caller.Subject, "");
            await store.AddStepAsync(session, row.ReviewId, new ReviewStepRow("submit", caller.Subject, caller.Name, StepRoles.HandlingUnit, ""), now);
            // T15: the agency head is the first responsible person for the final decision.
            await store.AddStepAsync(session, row.ReviewId, new ReviewStepRow("first-responsible", "", row.AgencyHead, StepRoles.AgencyHead,
                "机关负责人为第一责任人 / the agency head is the first responsible person"), now);
            return new WriteResult<ReviewResponse>(new ReviewResponse { Review = await view.BuildAsync(session, row, today) }, row.ReviewId);
        });
    }

    /// <summary>受理: the review clock starts; its last day is computed in working days (APL art. 85).</summary>
    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> AcceptReview(AcceptReviewRequest request, ServerCallContext context)
    {
        ReviewValidation.Step(request.RequestId, request.ReviewId).ThrowIfAny();
        return StepAsync(context, request, request.ReviewId, ReviewAction.Accept, Actor.ReviewingBody, "accept", (_, row, _) =>
        {
            var today = CountyTime.Today(time);
            var due = WorkingDays(() => ReviewTimeLimits.ReviewDueOn(row.AgencyCode, today, row.Extended, row.CaseDeadline, calendar, options));
            return Task.FromResult(new Change(row.With(ReviewStatus.Accepted) with
            {
                AcceptedOn = today, AcceptedMaterials = row.MaterialsVersion, ReviewDueOn = due, MissingMaterials = "[]",
            }, $"审核期限至 {CountyTime.Format(due)} / due {CountyTime.Format(due)}"));
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> ReturnReview(ReturnReviewRequest request, ServerCallContext context)
    {
        ReviewValidation.Items(ReviewValidation.Step(request.RequestId, request.ReviewId), "missing_materials", request.MissingMaterials, 1).ThrowIfAny();
        return StepAsync(context, request, request.ReviewId, ReviewAction.Return, Actor.ReviewingBody, "return", (_, row, _) =>
            Task.FromResult(new Change(row.With(ReviewStatus.Returned) with { MissingMaterials = ReviewView.Json(request.MissingMaterials) },
                string.Join("；", request.MissingMaterials))));
    }

    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> AmendReview(AmendReviewRequest request, ServerCallContext context)
    {
        ReviewValidation.Validate(request).ThrowIfAny();
        request.Materials.DraftDigest = request.Materials.DraftDigest.Trim().ToLowerInvariant();
        return StepAsync(context, request, request.ReviewId, ReviewAction.Amend, Actor.HandlingUnit, "amend", async (session, row, caller) =>
        {
            var version = row.MaterialsVersion + 1;
            await store.AddVersionAsync(session, row.ReviewId, version, request.Materials, time.GetUtcNow(), caller.Subject, request.Note.Trim());
            // A returned request is resubmitted by its amendment; one under review stays there with the new text.
            var status = row.State == ReviewStatus.Returned ? ReviewStatus.Submitted : row.State;
            return new Change(row.With(status) with { MaterialsVersion = version }, $"第 {version} 版 / version {version}：{request.Note.Trim()}");
        });
    }

    /// <summary>Assignment is explicit and audit-logged (the audit target names the reviewer).</summary>
    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> AssignReviewer(AssignReviewerRequest request, ServerCallContext context)
    {
        ReviewValidation.Step(request.RequestId, request.ReviewId).Required("reviewer_id", request.ReviewerId)
            .MaxLength("reviewer_id", request.ReviewerId, 100).ThrowIfAny();
        var reviewerId = request.ReviewerId.Trim();
        return StepAsync(context, request, request.ReviewId, ReviewAction.Assign, Actor.ReviewingBody, "assign", async (session, row, _) =>
        {
            var reviewer = await roster.FindAsync(session, row.AgencyCode, reviewerId)
                ?? throw RpcErrors.FailedPrecondition(RuleCatalog.ReviewerNotOnRoster, reviewerId);
            // 《行政处罚法》第五十八条第二款: a first-time reviewer holds the legal professional qualification.
            if (!reviewer.Qualified) throw RpcErrors.FailedPrecondition(RuleCatalog.ReviewerNotQualified, reviewerId);
            var materials = (await store.VersionAsync(session, row.ReviewId, row.MaterialsVersion)).ToMaterials();
            if (ReviewLifecycle.IsHandler(materials.ResponsibleOfficers, reviewer.PersonId, reviewer.Name))
                throw RpcErrors.FailedPrecondition(RuleCatalog.ReviewerIsHandler, reviewerId);
            return new Change(row.With(ReviewStatus.UnderReview) with { ReviewerId = reviewer.PersonId, ReviewerName = reviewer.Name },
                $"指派 / assigned {reviewer.Name} ({reviewer.PersonId}, {reviewer.Kind})") { Target = $"{row.ReviewId}#reviewer={reviewer.PersonId}" };
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> RecordFinding(RecordFindingRequest request, ServerCallContext context)
    {
        var v = ReviewValidation.Step(request.RequestId, request.ReviewId);
        var check = ReviewNames.ToDomain(request.Check);
        var result = ReviewNames.FindingName(request.Result);
        if (check is null) v.Add("check", "必填 / required");
        if (result is null) v.Add("result", "必填 / required");
        ReviewValidation.Text(v, "note", request.Note, required: request.Result == FindingResult.Problem).ThrowIfAny();
        return StepAsync(context, request, request.ReviewId, ReviewAction.RecordFinding, Actor.AssignedReviewer, "finding", async (session, row, caller) =>
        {
            await store.RecordFindingAsync(session, row.ReviewId, check!.Value, result!, request.Note.Trim(), row.MaterialsVersion, caller.Subject, time.GetUtcNow());
            return new Change(row, $"{ReviewNames.Name(check.Value)}: {result}");
        });
    }

    /// <summary>The opinion: every check has a finding first; ReviewCompleted carries the digest of the text cleared.</summary>
    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> DecideReview(DecideReviewRequest request, ServerCallContext context)
    {
        var v = ReviewValidation.Step(request.RequestId, request.ReviewId);
        var opinion = ReviewNames.ToDomain(request.Opinion);
        if (opinion is null) v.Add("opinion", "必填 / required");
        ReviewValidation.Text(v, "reasons", request.Reasons, required: opinion is not ReviewOpinion.Approve).ThrowIfAny();
        return StepAsync(context, request, request.ReviewId, ReviewAction.Decide, Actor.AssignedReviewer, "decide", async (session, row, _) =>
        {
            var recorded = (await store.FindingsAsync(session, row.ReviewId)).Select(f => ReviewNames.Check(f.CheckName)).ToList();
            if (ReviewLifecycle.OpinionRefusal(row, opinion!.Value, recorded) is { } rule)
                throw RpcErrors.FailedPrecondition(rule, row.ReviewId, rule == RuleCatalog.ReviewChecksIncomplete
                    ? $"{rule.Description}: {string.Join(", ", ReviewLifecycle.Missing(recorded).Select(ReviewNames.Name))}"
                    : null);
            var digest = (await store.VersionAsync(session, row.ReviewId, row.MaterialsVersion)).DraftDigest;
            var now = time.GetUtcNow();
            var passed = opinion != ReviewOpinion.Disagree;
            var changed = row.With(ReviewLifecycle.After(opinion.Value)) with
            {
                Opinion = ReviewNames.Name(opinion.Value), OpinionReasons = request.Reasons.Trim(), ApprovedDigest = passed ? digest : null, DecidedAt = now,
            };
            var completed = new ReviewCompleted
            {
                EventId = Guid.NewGuid(), OccurredAt = now, AgencyCode = row.AgencyCode, ReviewId = row.ReviewId, CaseNumber = row.CaseNumber,
                Outcome = ReviewNames.Name(opinion.Value), CompletedAt = now, DraftDigest = digest,
            };
            return new Change(changed, $"{ReviewNames.Name(opinion.Value)}（第 {row.MaterialsVersion} 版 / version {row.MaterialsVersion}）", completed);
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> ExtendReview(ExtendReviewRequest request, ServerCallContext context)
    {
        ReviewValidation.Text(ReviewValidation.Step(request.RequestId, request.ReviewId), "reason", request.Reason, required: true).ThrowIfAny();
        return StepAsync(context, request, request.ReviewId, ReviewAction.Extend, Actor.ReviewingBody, "extend", (_, row, _) =>
        {
            if (ReviewLifecycle.ExtensionRefusal(row) is { } rule) throw RpcErrors.FailedPrecondition(rule, row.ReviewId);
            var due = WorkingDays(() => ReviewTimeLimits.ReviewDueOn(row.AgencyCode, row.AcceptedOn!.Value, true, row.CaseDeadline, calendar, options));
            return Task.FromResult(new Change(row with { Extended = true, ReviewDueOn = due }, $"{request.Reason.Trim()}（至 / until {CountyTime.Format(due)}）"));
        });
    }

    /// <summary>T14: the handling unit does not accept the disagreeing opinion.</summary>
    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> OpenCoordination(OpenCoordinationRequest request, ServerCallContext context)
    {
        ReviewValidation.Text(ReviewValidation.Step(request.RequestId, request.ReviewId), "reason", request.Reason, required: true).ThrowIfAny();
        return StepAsync(context, request, request.ReviewId, ReviewAction.OpenCoordination, Actor.HandlingUnit, "coordination-opened", (_, row, _) =>
            Task.FromResult(new Change(row.With(ReviewStatus.Coordinating), request.Reason.Trim())));
    }

    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> ResolveCoordination(ResolveCoordinationRequest request, ServerCallContext context)
    {
        ReviewValidation.Text(ReviewValidation.Step(request.RequestId, request.ReviewId), "outcome", request.Outcome, required: true).ThrowIfAny();
        return StepAsync(context, request, request.ReviewId, ReviewAction.ResolveCoordination, Actor.ReviewingBody, "coordination-resolved", (_, row, _) =>
            Task.FromResult(new Change(request.ReviewAgain ? ReviewAgain(row) : row.With(ReviewStatus.Closed), request.Outcome.Trim())));
    }

    /// <summary>《行政处罚法》第五十七条: collective discussion by the agency's leaders.</summary>
    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> EscalateReview(EscalateReviewRequest request, ServerCallContext context)
    {
        ReviewValidation.Text(ReviewValidation.Step(request.RequestId, request.ReviewId), "reason", request.Reason, required: true).ThrowIfAny();
        return StepAsync(context, request, request.ReviewId, ReviewAction.Escalate, Actor.HandlingUnit, "escalate", (_, row, caller) =>
        {
            var now = time.GetUtcNow();
            var escalated = new ReviewEscalated
            {
                EventId = Guid.NewGuid(), OccurredAt = now, AgencyCode = row.AgencyCode, ReviewId = row.ReviewId, CaseNumber = row.CaseNumber,
                Reason = request.Reason.Trim(), EscalatedBy = caller.Subject,
            };
            return Task.FromResult(new Change(row.With(ReviewStatus.CollectiveDiscussion), request.Reason.Trim(), escalated));
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> RecordCollectiveDiscussion(RecordCollectiveDiscussionRequest request, ServerCallContext context)
    {
        var v = ReviewValidation.Text(ReviewValidation.Step(request.RequestId, request.ReviewId), "outcome", request.Outcome, required: true);
        // 集体讨论: several of the agency's leaders; three at least [local].
        ReviewValidation.Items(v, "participants", request.Participants, 3);
        var heldOn = CountyTime.ParseDate(request.HeldOn);
        if (heldOn is null) v.Add("held_on", "须为 YYYY-MM-DD / must be YYYY-MM-DD");
        else if (heldOn > CountyTime.Today(time)) v.Add("held_on", "不能晚于今天 / cannot be in the future");
        v.ThrowIfAny();
        return StepAsync(context, request, request.ReviewId, ReviewAction.RecordCollectiveDiscussion, Actor.Leadership, "collective-discussion", (_, row, _) =>
        {
            var recorded = (request.ReviewAgain ? ReviewAgain(row) : row.With(ReviewStatus.Closed)) with
            {
                CollectiveParticipants = ReviewView.Json(request.Participants), CollectiveOutcome = request.Outcome.Trim(),
            };
            return Task.FromResult(new Change(recorded, $"{request.HeldOn}：{request.Outcome.Trim()}（{string.Join("、", request.Participants)}）"));
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override Task<ReviewResponse> WithdrawReview(WithdrawReviewRequest request, ServerCallContext context)
    {
        ReviewValidation.Text(ReviewValidation.Step(request.RequestId, request.ReviewId), "reason", request.Reason, required: true).ThrowIfAny();
        return StepAsync(context, request, request.ReviewId, ReviewAction.Withdraw, Actor.HandlingUnit, "withdraw", (_, row, _) =>
            Task.FromResult(new Change(row.With(ReviewStatus.Withdrawn), request.Reason.Trim())));
    }

    /// <summary>The handling agency, the county administrator, the data center and the assigned reviewer may read a request.</summary>
    [Authorize(Policy = Policies.Read)]
    public override async Task<ReviewResponse> GetReview(GetReviewRequest request, ServerCallContext context)
    {
        new FieldViolations().Required("review_id", request.ReviewId).MaxLength("review_id", request.ReviewId, 64).ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var row = await store.FindAsync(session, request.ReviewId) ?? throw NotFound(request.ReviewId);
        var caller = Caller.From(context);
        if (!(caller.IsCountyAdmin || caller.Has(Roles.DataCenter) || caller.AgencyCode == row.AgencyCode || caller.Subject == row.ReviewerId))
            throw RpcErrors.PermissionDenied($"调用方（{caller.AgencyCode}）无权查看该审核申请 / the caller may not read this review");
        return new ReviewResponse { Review = await view.BuildAsync(session, row, CountyTime.Today(time)) };
    }

    /// <summary>Back to the reviewer after coordination or collective discussion: the opinion is cleared, amendments count from now.</summary>
    static ReviewRow ReviewAgain(ReviewRow row) => row.With(ReviewStatus.UnderReview) with
    {
        Opinion = null, OpinionReasons = null, ApprovedDigest = null, DecidedAt = null, AcceptedMaterials = row.MaterialsVersion,
    };

    /// <summary>
    /// One step on an existing request, atomically: load, check the actor and the status, apply, store at the read
    /// version (else Aborted), record who did it and in which role, raise its events.
    /// </summary>
    async Task<ReviewResponse> StepAsync(
        ServerCallContext context, IMessage request, string reviewId, ReviewAction action, Actor actor, string stepName,
        Func<DbSession, ReviewRow, Caller, Task<Change>> apply)
    {
        var caller = Caller.From(context);
        return await writes.RunAsync(context, request, ReviewResponse.Parser, async session =>
        {
            var row = await store.FindAsync(session, reviewId) ?? throw NotFound(reviewId);
            var role = await EnsureActorAsync(session, caller, row, actor);
            if (ReviewLifecycle.Refusal(row, action) is { } rule)
                throw RpcErrors.FailedPrecondition(rule, row.ReviewId,
                    $"{rule.Description}（{ReviewNames.Name(row.State)} → {action}）");
            if (actor == Actor.AssignedReviewer) await EnsureAssignedAsync(session, caller, row);

            var change = await apply(session, row, caller);
            var now = time.GetUtcNow();
            var changed = change.Row with { UpdatedAt = now };
            if (!await store.UpdateAsync(session, changed))
                throw RpcErrors.Aborted(row.ReviewId, "审核申请已被同时修改，请重新读取后再试 / the review changed meanwhile; read it again and retry");
            await store.AddStepAsync(session, row.ReviewId, new ReviewStepRow(stepName, caller.Subject, caller.Name, role, change.Note), now);
            var stored = changed with { Version = changed.Version + 1 };
            return new WriteResult<ReviewResponse>(new ReviewResponse { Review = await view.BuildAsync(session, stored, CountyTime.DateOf(now)) },
                change.Target ?? row.ReviewId, change.Events);
        });
    }

    /// <summary>Authorises the step for the caller; returns the role the step is recorded under (T15).</summary>
    static Task<string> EnsureActorAsync(DbSession session, Caller caller, ReviewRow row, Actor actor)
    {
        switch (actor)
        {
            case Actor.HandlingUnit:
                caller.EnsureMayWriteFor(row.AgencyCode);
                return Task.FromResult(StepRoles.HandlingUnit);
            case Actor.Leadership:
                caller.EnsureMayWriteFor(row.AgencyCode);
                return Task.FromResult(StepRoles.Leadership);
            case Actor.ReviewingBody:
                caller.EnsureMayWriteFor(row.AgencyCode);
                caller.EnsureRole(Roles.Reviewer);
                return Task.FromResult(StepRoles.ReviewingBody);
            default:
                // The assigned person may come from the county pool (another agency in the token): the person decides, not the agency.
                if (!caller.Has(Roles.Reviewer))
                    throw RpcErrors.PermissionDenied($"需要角色 {Roles.Reviewer} / the caller needs the role {Roles.Reviewer}");
                return Task.FromResult(StepRoles.Reviewer);
        }
    }

    /// <summary>Only the assigned person (from the token), still on the roster and qualified, records findings and the opinion.</summary>
    async Task EnsureAssignedAsync(DbSession session, Caller caller, ReviewRow row)
    {
        if (string.IsNullOrEmpty(row.ReviewerId) || !string.Equals(caller.Subject, row.ReviewerId, StringComparison.Ordinal))
            throw RpcErrors.FailedPrecondition(RuleCatalog.ReviewNotAssigned, row.ReviewId);
        var reviewer = await roster.FindAsync(session, row.AgencyCode, row.ReviewerId)
            ?? throw RpcErrors.FailedPrecondition(RuleCatalog.ReviewerNotOnRoster, row.ReviewerId);
        if (!reviewer.Qualified) throw RpcErrors.FailedPrecondition(RuleCatalog.ReviewerNotQualified, row.ReviewerId);
    }

    static T WorkingDays<T>(Func<T> compute)
    {
        try
        {
            return compute();
        }
        catch (CalendarYearMissingException e)
        {
            throw RpcErrors.FailedPrecondition(RuleCatalog.CalendarYearMissing, "review_due_on",
                $"节假日安排缺少 {e.Year} 年数据，无法计算审核期限 / {e.Message}");
        }
    }

    static RpcException NotFound(string reviewId) => RpcErrors.NotFound($"审核申请 {reviewId.Trim()} 不存在 / no such review request");
}
