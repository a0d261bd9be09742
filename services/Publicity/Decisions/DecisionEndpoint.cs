using Grpc.Core;
using Longshan.Contracts.Events;
using Longshan.Contracts.Publicity.V1;
using Longshan.Contracts.Rules;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Platform.Legal;
using Longshan.Publicity.Agencies;
using Microsoft.AspNetCore.Authorization;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// gRPC <c>longshan.publicity.v1.DecisionService</c>, the agency's writes: register, publish, update, withdraw.
/// Each runs through <see cref="WriteTransaction"/> (request log, outbox, audit in one transaction).
/// Public reads are in DecisionEndpoint.Public.cs; the publication approval (公开审核) in DecisionEndpoint.Approval.cs.
/// </summary>
public sealed partial class DecisionEndpoint(
    ReadSession reads, DecisionStore decisions, PublicDecisionStore publicDecisions, ReviewClearanceStore clearances,
    AgencyStore agencies, EntrustmentStore entrustments, HolidayCalendar calendar, PublicationDeadlineOptions deadlines, RedactionOptions redaction,
    PenaltySeverity severity, PublicationPolicyStore policies, WriteTransaction writes, TimeProvider time)
    : DecisionService.DecisionServiceBase
{
    [Authorize(Policy = Policies.Write)]
    public override async Task<RegisterDecisionResponse> RegisterDecision(RegisterDecisionRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        DecisionValidation.Validate(request, today).ThrowIfAny();
        var caller = Caller.From(context);
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        caller.EnsureMayWriteFor(agencyCode);
        var decisionDate = CountyTime.ParseDate(request.DecisionDate)!.Value;
        var category = DecisionNames.ToDomain(request.Category)!.Value;
        // 国办发〔2018〕118号: 7 working days for permits and penalties, 20 for others (APL art. 85: working days). Pending (null)
        // when it runs into a year after the calendar's last one; the deadline watch computes it once that year is configured.
        var deadline = WorkingDays(() => PublicationDeadlines.PublicationDeadlineOrPending(category, decisionDate, calendar, deadlines), "decision_date");
        var content = DecisionLifecycle.Normalize(request.Content, decisionDate, today);

        return await writes.RunAsync(context, request, RegisterDecisionResponse.Parser, async session =>
        {
            // 《行政处罚法》第二十条: an entrusted organisation's decision is registered under its entrusting agency.
            var (deciding, acting) = await DecidingAgencyAsync(session, agencyCode, decisionDate);
            await EnsureNewCaseAsync(session, deciding, request.CaseNumber.Trim());
            var now = time.GetUtcNow();
            var row = DecisionLifecycle.NewRow(request, content, Guid.NewGuid(), deadline, now, caller.Subject);
            (row.AgencyCode, row.ActingOrganisationCode) = (deciding, acting);
            await decisions.InsertAsync(session, row);
            await decisions.AddContentAsync(session, row.DecisionId, 1, content, now, caller.Subject);
            IntegrationEvent registered = DecisionEvents.Registered(row, content, severity, Guid.NewGuid(), now);
            // 《行政处罚法》第五十八条: a major decision without a valid clearance is recorded (it was made) and flagged at once.
            IntegrationEvent[] events = row.IsMajor && await ClearanceRefusalAsync(session, row) is { } refusal
                ? [registered, DecisionEvents.WithoutClearance(row, refusal, Guid.NewGuid(), now)]
                : [registered];
            return new WriteResult<RegisterDecisionResponse>(new RegisterDecisionResponse { Decision = DecisionLifecycle.Summary(row) },
                row.DecisionId.ToString(), events);
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<PublishDecisionResponse> PublishDecision(PublishDecisionRequest request, ServerCallContext context)
    {
        new FieldViolations().RequestId(request.RequestId).ThrowIfAny();
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var caller = Caller.From(context);

        return await writes.RunAsync(context, request, PublishDecisionResponse.Parser, async session =>
        {
            var row = await OwnDecisionAsync(session, id, caller);
            var content = await EnsurePublishableNowAsync(session, row);
            // Seed task T1(1): under the agency's policy, or once prepared, only a publisher's approval publishes it.
            if (row.AwaitingApproval || await policies.RequiresApprovalAsync(session, row.AgencyCode))
                throw RpcErrors.FailedPrecondition(RuleCatalog.PublicationApprovalRequired, id.ToString());
            var (response, published) = await PublishAsync(session, row, content, approval: null);
            return new WriteResult<PublishDecisionResponse>(response, id.ToString(), published);
        });
    }

    /// <summary>
    /// The checks every publication passes, direct or approved: registered and unpublished, not revoked, publishable
    /// (secrets, privacy, minors) and, if major, cleared by a legal review.
    /// </summary>
    async Task<V1.DecisionContent> EnsurePublishableNowAsync(DbSession session, DecisionRow row)
    {
        ExpectStatus(row, DecisionNames.Status.Registered, "只能公开已登记、未公开的决定 / only a registered, unpublished decision can be published");
        // 《行政处罚法》第四十八条: a decision recorded as revoked, changed, illegal or void is not published.
        if (row.RevokedOn is not null)
            throw RpcErrors.FailedPrecondition(RuleCatalog.DecisionStatus, row.DecisionId.ToString(), "该决定已被撤销、变更或确认违法、无效 / the decision was revoked, changed, or confirmed illegal or void");
        var content = await decisions.ContentAsync(session, row.DecisionId, row.ContentVersion);
        await EnsurePublishableAsync(session, row, content);
        return content;
    }

    /// <summary>
    /// The one publication path (direct, or approved by <paramref name="approval"/>'s publisher): public version 1,
    /// the decision marked published, DecisionPublished. The deadline is the one from the decision date either way.
    /// </summary>
    async Task<(PublishDecisionResponse Response, IntegrationEvent Published)> PublishAsync(
        DbSession session, DecisionRow row, V1.DecisionContent content, ApprovalStep? approval)
    {
        var now = time.GetUtcNow();
        var today = CountyTime.DateOf(now);
        var decision = await NameActingOrganisationAsync(session,
            PublicVersions.Build(row, content, content.Party.IsMinor, await AgencyNameAsync(session, row.AgencyCode, ""), 1, now, now, redaction));
        var revision = await decisions.MarkPublishedAsync(session, row, today, approval) ?? throw ChangedMeanwhile(row);
        await publicDecisions.InsertAsync(session, decision, row.PartyKind, today, "");
        var response = new PublishDecisionResponse { Decision = decision, OnTime = DecisionEvents.PublishedOnTime(today, row.PublicationDeadline) };
        return (response, DecisionEvents.Published(row, decision, today, revision, approval?.Subject, Guid.NewGuid(), now));
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<UpdateDecisionResponse> UpdateDecision(UpdateDecisionRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var caller = Caller.From(context);

        return await writes.RunAsync(context, request, UpdateDecisionResponse.Parser, async session =>
        {
            var row = await OwnDecisionAsync(session, id, caller);
            // Seed task T1(1): the publisher approves the content that was prepared; a correction waits for the rejection.
            if (row.AwaitingApproval)
                throw RpcErrors.FailedPrecondition(RuleCatalog.DecisionStatus, id.ToString(),
                    "该决定正在公开审核中，请先退回再更正 / the decision awaits publication approval: reject it first, then correct it");
            // The current content: a legacy penalty kind it already carries may stay through the correction.
            var current = await decisions.ContentAsync(session, id, row.ContentVersion);
            DecisionValidation.Validate(request, DecisionNames.CategoryFromName(row.Category), today, current).ThrowIfAny();
            var content = DecisionLifecycle.Normalize(request.Content, row.DecisionDate, today);
            var eligibility = DecisionLifecycle.Assess(content);
            ExpectCorrectable(row, eligibility);
            // A correction of a published decision is not held for approval under the policy (seed task T1(1)): it is
            // the agency's duty to correct published information at once (国办发〔2018〕118号), it goes through the same
            // masks, and the audit log names who made it. Holding it would need a pending public version; not done yet.
            var published = row.Status == DecisionNames.Status.Published;

            var now = time.GetUtcNow();
            var partyKind = DecisionNames.PartyKind(content.Party.Kind)!;
            var response = new UpdateDecisionResponse();
            var note = "";
            if (published) (response.PublicDecision, note) = await PublishCorrectionAsync(session, row, content, request.ChangeNote, now);

            await decisions.AddContentAsync(session, id, row.ContentVersion + 1, content, now, caller.Subject);
            var revision = await decisions.SetContentVersionAsync(session, row, row.ContentVersion + 1, published ? row.PublicVersion + 1 : 0, eligibility, partyKind)
                ?? throw ChangedMeanwhile(row);
            response.Decision = DecisionLifecycle.Summary((await decisions.FindAsync(session, id))!);
            // A correction before publication changes the revision too, but nothing public: it raises no event.
            IntegrationEvent[] events = published ? [DecisionEvents.Updated(row, response.PublicDecision, note, revision, Guid.NewGuid(), now)] : [];
            return new WriteResult<UpdateDecisionResponse>(response, id.ToString(), events);
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<WithdrawDecisionResponse> WithdrawDecision(WithdrawDecisionRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        DecisionValidation.Validate(request, today).ThrowIfAny();
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var caller = Caller.From(context);
        DateOnly? requestedOn = request.RevocationDate.Length > 0 ? CountyTime.ParseDate(request.RevocationDate)!.Value : null;

        return await writes.RunAsync(context, request, WithdrawDecisionResponse.Parser, async session =>
        {
            var row = await OwnDecisionAsync(session, id, caller);
            if (row.Status == DecisionNames.Status.Withdrawn)
                throw RpcErrors.FailedPrecondition(RuleCatalog.DecisionStatus, id.ToString(), "决定已撤回 / the decision is already withdrawn");
            // Not held for approval under the policy (seed task T1(1)): a withdrawal takes content out of the public view
            // and is owed within 3 working days (《行政处罚法》第四十八条); a decision awaiting approval may be withdrawn too.
            var (kind, revokedOn) = RevocationOf(row, request.Kind, requestedOn);
            var wasPublished = row.Status == DecisionNames.Status.Published;
            // 《行政处罚法》第四十八条第二款: withdraw within 3 working days of the revocation (only what was published).
            DateOnly? deadline = wasPublished ? WorkingDays(() => PublicationDeadlines.WithdrawalDeadline(revokedOn, calendar, deadlines), "revocation_date") : null;

            var now = time.GetUtcNow();
            if (await decisions.MarkWithdrawnAsync(session, row, DecisionNames.Revocation(kind)!, revokedOn, deadline, now, today) is null)
                throw ChangedMeanwhile(row);
            var reason = wasPublished ? await WithdrawPublicVersionAsync(session, row, request, kind, revokedOn, now) : "";
            var withdrawn = (await decisions.FindAsync(session, id))!;
            var revoked = DecisionEvents.Revoked(withdrawn, wasPublished, today, Guid.NewGuid(), now, reason);
            return new WriteResult<WithdrawDecisionResponse>(
                new WithdrawDecisionResponse { Decision = DecisionLifecycle.Summary(withdrawn), OnTime = revoked.OnTime }, id.ToString(), revoked);
        });
    }

    /// <summary>
    /// 《行政处罚法》第四十八条: records that the decision was revoked, changed, or confirmed illegal or void. A published
    /// decision owes its withdrawal from then on (3 working days; the deadline watch raises WithdrawalOverdue after).
    /// </summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<RecordRevocationResponse> RecordRevocation(RecordRevocationRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        DecisionValidation.Validate(request, today).ThrowIfAny();
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var caller = Caller.From(context);
        var revokedOn = CountyTime.ParseDate(request.RevocationDate)!.Value;

        return await writes.RunAsync(context, request, RecordRevocationResponse.Parser, async session =>
        {
            var row = await OwnDecisionAsync(session, id, caller);
            if (revokedOn < row.DecisionDate)
                new FieldViolations().Add("revocation_date", "撤销日期早于决定日期 / the revocation date is before the decision date").ThrowIfAny();
            if (row.Status == DecisionNames.Status.Withdrawn)
                throw RpcErrors.FailedPrecondition(RuleCatalog.DecisionStatus, id.ToString(), "决定已撤回 / the decision is already withdrawn");
            if (row.RevokedOn is not null)
                throw RpcErrors.FailedPrecondition(RuleCatalog.RevocationAlreadyRecorded, id.ToString());
            DateOnly? deadline = row.Status == DecisionNames.Status.Published
                ? WorkingDays(() => PublicationDeadlines.WithdrawalDeadline(revokedOn, calendar, deadlines), "revocation_date")
                : null;
            if (await decisions.MarkRevokedAsync(session, row, DecisionNames.Revocation(request.Kind)!, revokedOn, deadline) is null)
                throw ChangedMeanwhile(row);
            return new WriteResult<RecordRevocationResponse>(
                new RecordRevocationResponse { Decision = DecisionLifecycle.Summary((await decisions.FindAsync(session, id))!) }, id.ToString());
        });
    }

    /// <summary>
    /// The revocation a withdrawal rests on: the recorded one (a kind or date given must match it), or the one given.
    /// </summary>
    static (V1.RevocationKind Kind, DateOnly On) RevocationOf(DecisionRow row, V1.RevocationKind kind, DateOnly? on)
    {
        if (row.RevokedOn is { } recordedOn)
        {
            var recordedKind = DecisionNames.RevocationFromName(row.RevocationKind);
            var violations = new FieldViolations();
            if (kind != V1.RevocationKind.Unspecified && kind != recordedKind) violations.Add("kind", "与已登记的撤销类别不同 / differs from the recorded revocation");
            if (on is { } given && given != recordedOn) violations.Add("revocation_date", "与已登记的撤销日期不同 / differs from the recorded revocation");
            violations.ThrowIfAny();
            return (recordedKind, recordedOn);
        }
        if (on is not { } revokedOn)
            throw RpcErrors.FailedPrecondition(RuleCatalog.RevocationNotRecorded, row.DecisionId.ToString());
        if (revokedOn < row.DecisionDate)
            new FieldViolations().Add("revocation_date", "撤销日期早于决定日期 / the revocation date is before the decision date").ThrowIfAny();
        return (kind, revokedOn);
    }

    /// <summary>Loads, in the write's transaction, a decision the caller may write (NotFound, PermissionDenied otherwise).</summary>
    async Task<DecisionRow> OwnDecisionAsync(DbSession session, Guid id, Caller caller)
    {
        var row = await decisions.FindAsync(session, id) ?? throw NotFound(id);
        caller.EnsureMayWriteFor(row.AgencyCode);
        return row;
    }

    /// <summary>A case number is registered once per deciding agency.</summary>
    async Task EnsureNewCaseAsync(DbSession session, string agencyCode, string caseNumber)
    {
        if (await decisions.CaseExistsAsync(session, agencyCode, caseNumber))
            throw RpcErrors.AlreadyExists($"案号 {caseNumber} 已登记 / case number already registered for this agency");
    }

    async Task EnsurePublishableAsync(DbSession session, DecisionRow row, V1.DecisionContent content)
    {
        var eligibility = DecisionLifecycle.Assess(content);
        if (!eligibility.MayPublish)
            throw RpcErrors.FailedPrecondition(RuleCatalog.DecisionNotPublishable, row.DecisionId.ToString(), "不予公开 / may not be published: " + eligibility.Describe());
        if (row.IsMajor) await EnsureClearedAsync(session, row);
    }

    /// <summary>
    /// 《行政处罚法》第五十八条: a major decision needs a passed legal review of this case — same agency, same case
    /// number, completed on or before the decision date, of the same text when both name a digest (the platform's one clearance rule).
    /// </summary>
    async Task EnsureClearedAsync(DbSession session, DecisionRow row)
    {
        if (await ClearanceRefusalAsync(session, row) is { } rule)
        {
            var reference = row.ReviewClearanceReference ?? "";
            throw RpcErrors.FailedPrecondition(rule, reference,
                $"{rule.Description}（法制审核 {reference}，案号 {row.CaseNumber}）/ legal review {reference} does not clear case {row.CaseNumber}");
        }
    }

    /// <summary>The rule the clearance the decision names breaks (the platform's one clearance rule); null when it clears it.</summary>
    async Task<Rule?> ClearanceRefusalAsync(DbSession session, DecisionRow row)
    {
        var clearance = await clearances.FindAsync(session, row.ReviewClearanceReference ?? "");
        return ReviewClearanceRule.Refusal(clearance, new DecisionForClearance(row.AgencyCode, row.CaseNumber, row.DecisionDate, row.ContentDigest));
    }

    /// <summary>A correction of a published decision: stores the next public version; returns it and its masked change note.</summary>
    async Task<(PublicDecision Decision, string Note)> PublishCorrectionAsync(
        DbSession session, DecisionRow row, V1.DecisionContent content, string changeNote, DateTimeOffset now)
    {
        var current = await publicDecisions.CurrentAsync(session, row.DecisionId) ?? throw NotFound(row.DecisionId);
        var previous = await decisions.ContentAsync(session, row.DecisionId, row.ContentVersion);
        var decision = await NameActingOrganisationAsync(session, PublicVersions.Build(row, content, content.Party.IsMinor,
            await AgencyNameAsync(session, row.AgencyCode, current.AgencyName), row.PublicVersion + 1, current.FirstPublishedAt.ToDateTimeOffset(), now, redaction));
        var note = PublicVersions.PublicText(changeNote, redaction, previous, content);
        await publicDecisions.AddVersionAsync(session, decision, DecisionNames.PartyKind(content.Party.Kind)!, note);
        return (decision, note);
    }

    /// <summary>Replaces the public view by the withdrawal notice (APL art. 48); returns the published, masked reason.</summary>
    async Task<string> WithdrawPublicVersionAsync(
        DbSession session, DecisionRow row, WithdrawDecisionRequest request, V1.RevocationKind kind, DateOnly revokedOn, DateTimeOffset now)
    {
        var current = await publicDecisions.CurrentAsync(session, row.DecisionId) ?? throw NotFound(row.DecisionId);
        var content = await decisions.ContentAsync(session, row.DecisionId, row.ContentVersion);
        var withdrawal = new PublicWithdrawal
        {
            Kind = kind, RevocationDate = CountyTime.Format(revokedOn), Reason = PublicVersions.PublicText(request.Reason, redaction, content),
            WithdrawnAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now),
        };
        await publicDecisions.ReplaceAsync(session, PublicVersions.Withdrawn(current, withdrawal), row.PartyKind);
        return withdrawal.Reason;
    }

    async Task<string> AgencyNameAsync(DbSession session, string agencyCode, string fallback) =>
        (await agencies.FindAsync(session, agencyCode))?.Name ?? fallback;

    /// <summary>Working-day arithmetic; a year without holiday data is a FailedPrecondition that says so, never a guess.</summary>
    static T WorkingDays<T>(Func<T> compute, string field)
    {
        try
        {
            return compute();
        }
        catch (CalendarYearMissingException e)
        {
            throw RpcErrors.FailedPrecondition(RuleCatalog.CalendarYearMissing, field,
                $"节假日安排缺少 {e.Year} 年数据，无法计算期限 / {e.Message}");
        }
    }

    static void ExpectStatus(DecisionRow row, string status, string message)
    {
        if (row.Status != status) throw RpcErrors.FailedPrecondition(RuleCatalog.DecisionStatus, row.DecisionId.ToString(), $"{message} (status: {row.Status})");
    }

    /// <summary>A withdrawn decision is not corrected; a published one only by content that may still be published.</summary>
    static void ExpectCorrectable(DecisionRow row, PublicationEligibility eligibility)
    {
        if (row.Status == DecisionNames.Status.Withdrawn)
            throw RpcErrors.FailedPrecondition(RuleCatalog.DecisionStatus, row.DecisionId.ToString(), "已撤回的决定不能更新 / a withdrawn decision cannot be updated");
        if (row.Status == DecisionNames.Status.Published && !eligibility.MayPublish)
            throw RpcErrors.FailedPrecondition(RuleCatalog.DecisionNotPublishable, row.DecisionId.ToString(),
                "更正后的内容不予公开，请撤回该决定 / the corrected content may not be published; withdraw the decision instead: " + eligibility.Describe());
    }

    static RpcException ChangedMeanwhile(DecisionRow row) => RpcErrors.Aborted(row.DecisionId.ToString());

    static RpcException NotFound(Guid id) => RpcErrors.NotFound($"决定 {id} 不存在 / decision not found");
}
