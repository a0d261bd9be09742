using System.Data.Common;
using Grpc.Core;
using Longshan.Contracts.Events;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Publicity.Agencies;
using Longshan.Platform.Calendar;
using Microsoft.AspNetCore.Authorization;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// gRPC <c>longshan.publicity.v1.DecisionService</c>, the agency's writes: register, publish, update, withdraw.
/// Each runs through <see cref="WriteTransaction"/> (request log, outbox, audit in one transaction).
/// Public reads are in DecisionEndpoint.Public.cs.
/// </summary>
public sealed partial class DecisionEndpoint(
    Database database, DecisionStore decisions, PublicDecisionStore publicDecisions, ReviewClearanceStore clearances,
    AgencyStore agencies, HolidayCalendar calendar, PublicationDeadlineOptions deadlines, RedactionOptions redaction,
    WriteTransaction writes, TimeProvider time)
    : DecisionService.DecisionServiceBase
{
    const string RegisterRpc = "RegisterDecision";
    const string PublishRpc = "PublishDecision";
    const string UpdateRpc = "UpdateDecision";
    const string WithdrawRpc = "WithdrawDecision";

    [Authorize(Policy = Policies.Write)]
    public override async Task<RegisterDecisionResponse> RegisterDecision(RegisterDecisionRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        DecisionValidation.Validate(request, today).ThrowIfAny();
        var caller = Caller.From(context);
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        caller.EnsureMayWriteFor(agencyCode);
        var decisionDate = DecisionNames.ParseDate(request.DecisionDate)!.Value;
        var category = DecisionNames.ToDomain(request.Category)!.Value;
        // 国办发〔2018〕118号: 7 working days for permits and penalties, 20 for others (APL art. 85: working days).
        var deadline = WorkingDays(() => PublicationDeadlines.PublicationDeadline(category, decisionDate, calendar, deadlines), "decision_date");
        var content = DecisionLifecycle.Normalize(request.Content, decisionDate, today);

        return await writes.RunAsync(caller, RegisterRpc, request.RequestId, RegisterDecisionResponse.Parser, async transaction =>
        {
            await EnsureNewCaseAsync(transaction, agencyCode, request.CaseNumber.Trim());
            var now = time.GetUtcNow();
            var row = DecisionLifecycle.NewRow(request, content, deadline, now, caller.Subject);
            await decisions.InsertAsync(transaction, row);
            await decisions.AddContentAsync(transaction, row.DecisionId, 1, content, now, caller.Subject);
            return new WriteResult<RegisterDecisionResponse>(new RegisterDecisionResponse { Decision = DecisionLifecycle.Summary(row) },
                row.DecisionId.ToString(), DecisionEvents.Registered(row, content, now));
        }, context.CancellationToken);
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<PublishDecisionResponse> PublishDecision(PublishDecisionRequest request, ServerCallContext context)
    {
        RequestIdOnly(request.RequestId);
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var caller = Caller.From(context);

        return await writes.RunAsync(caller, PublishRpc, request.RequestId, PublishDecisionResponse.Parser, async transaction =>
        {
            var row = await OwnDecisionAsync(transaction, id, caller);
            ExpectStatus(row, DecisionNames.Status.Registered, "只能公开已登记、未公开的决定 / only a registered, unpublished decision can be published");
            var content = await decisions.ContentAsync(transaction.Connection!, id, row.ContentVersion, transaction);
            await EnsurePublishableAsync(transaction, row, content);

            var now = time.GetUtcNow();
            var today = CountyTime.DateOf(now);
            var decision = PublicVersions.Build(row, content, content.Party.IsMinor, await AgencyNameAsync(transaction, row.AgencyCode, ""), 1, now, now, redaction);
            if (!await decisions.MarkPublishedAsync(transaction, id, today)) throw ChangedMeanwhile(row);
            await publicDecisions.InsertAsync(transaction, decision, row.PartyKind, today, "");
            return new WriteResult<PublishDecisionResponse>(new PublishDecisionResponse { Decision = decision, OnTime = today <= row.PublicationDeadline },
                id.ToString(), DecisionEvents.Published(row, decision, today, now));
        }, context.CancellationToken);
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<UpdateDecisionResponse> UpdateDecision(UpdateDecisionRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var caller = Caller.From(context);

        return await writes.RunAsync(caller, UpdateRpc, request.RequestId, UpdateDecisionResponse.Parser, async transaction =>
        {
            var row = await OwnDecisionAsync(transaction, id, caller);
            DecisionValidation.Validate(request, DecisionNames.CategoryFromName(row.Category), today).ThrowIfAny();
            var content = DecisionLifecycle.Normalize(request.Content, row.DecisionDate, today);
            var eligibility = DecisionLifecycle.Assess(content);
            ExpectCorrectable(row, eligibility);
            var published = row.Status == DecisionNames.Status.Published;

            var now = time.GetUtcNow();
            var partyKind = DecisionNames.PartyKind(content.Party.Kind)!;
            var response = new UpdateDecisionResponse();
            IntegrationEvent[] events = [];
            if (published)
            {
                var (decision, updated) = await PublishCorrectionAsync(transaction, row, content, request.ChangeNote, now);
                response.PublicDecision = decision;
                events = [updated];
            }

            await decisions.AddContentAsync(transaction, id, row.ContentVersion + 1, content, now, caller.Subject);
            if (!await decisions.SetContentVersionAsync(transaction, row, row.ContentVersion + 1, published ? row.PublicVersion + 1 : 0, eligibility, partyKind))
                throw ChangedMeanwhile(row);
            response.Decision = DecisionLifecycle.Summary((await decisions.FindAsync(transaction.Connection!, id, transaction))!);
            return new WriteResult<UpdateDecisionResponse>(response, id.ToString(), events);
        }, context.CancellationToken);
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<WithdrawDecisionResponse> WithdrawDecision(WithdrawDecisionRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        DecisionValidation.Validate(request, today).ThrowIfAny();
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var caller = Caller.From(context);
        var revokedOn = DecisionNames.ParseDate(request.RevocationDate)!.Value;

        return await writes.RunAsync(caller, WithdrawRpc, request.RequestId, WithdrawDecisionResponse.Parser, async transaction =>
        {
            var row = await OwnDecisionAsync(transaction, id, caller);
            if (revokedOn < row.DecisionDate)
                new FieldViolations().Add("revocation_date", "撤销日期早于决定日期 / the revocation date is before the decision date").ThrowIfAny();
            if (row.Status == DecisionNames.Status.Withdrawn)
                throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.Lifecycle, id.ToString(), "决定已撤回 / the decision is already withdrawn");
            var wasPublished = row.Status == DecisionNames.Status.Published;
            // 《行政处罚法》第四十八条第二款: withdraw within 3 working days of the revocation (only what was published).
            DateOnly? deadline = wasPublished ? WorkingDays(() => PublicationDeadlines.WithdrawalDeadline(revokedOn, calendar, deadlines), "revocation_date") : null;

            var now = time.GetUtcNow();
            if (!await decisions.MarkWithdrawnAsync(transaction, id, DecisionNames.Revocation(request.Kind)!, revokedOn, deadline, now, today))
                throw ChangedMeanwhile(row);
            var reason = wasPublished ? await WithdrawPublicVersionAsync(transaction, row, request, revokedOn, now) : "";
            var withdrawn = (await decisions.FindAsync(transaction.Connection!, id, transaction))!;
            var revoked = DecisionEvents.Revoked(withdrawn, wasPublished, today, now, reason);
            return new WriteResult<WithdrawDecisionResponse>(
                new WithdrawDecisionResponse { Decision = DecisionLifecycle.Summary(withdrawn), OnTime = revoked.OnTime }, id.ToString(), revoked);
        }, context.CancellationToken);
    }

    /// <summary>Loads, in the write's transaction, a decision the caller may write (NotFound, PermissionDenied otherwise).</summary>
    async Task<DecisionRow> OwnDecisionAsync(DbTransaction transaction, Guid id, Caller caller)
    {
        var row = await decisions.FindAsync(transaction.Connection!, id, transaction) ?? throw NotFound(id);
        caller.EnsureMayWriteFor(row.AgencyCode);
        return row;
    }

    /// <summary>118号: the deciding agency is registered (执法主体公示); a case number is registered once per agency.</summary>
    async Task EnsureNewCaseAsync(DbTransaction transaction, string agencyCode, string caseNumber)
    {
        if (await agencies.FindAsync(transaction.Connection!, agencyCode, transaction) is null)
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.AgencyRegistered, agencyCode, $"执法主体 {agencyCode} 未登记 / agency not registered");
        if (await decisions.CaseExistsAsync(transaction, agencyCode, caseNumber))
            throw RpcErrors.AlreadyExists($"案号 {caseNumber} 已登记 / case number already registered for this agency");
    }

    async Task EnsurePublishableAsync(DbTransaction transaction, DecisionRow row, V1.DecisionContent content)
    {
        var eligibility = DecisionLifecycle.Assess(content);
        if (!eligibility.MayPublish)
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.NotPublishable, row.DecisionId.ToString(), "不予公开 / may not be published: " + eligibility.Describe());
        // 《行政处罚法》第五十八条: no major decision without a passed legal review of the same agency.
        if (row.IsMajor && !await clearances.IsPassedAsync(transaction.Connection!, row.ReviewClearanceReference ?? "", row.AgencyCode, transaction))
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.ReviewRequired, row.ReviewClearanceReference ?? "",
                $"重大执法决定未见通过的法制审核（{row.ReviewClearanceReference}） / no passed legal review {row.ReviewClearanceReference} of this agency is known");
    }

    /// <summary>A correction of a published decision: the next public version, its masked change note and event.</summary>
    async Task<(PublicDecision Decision, IntegrationEvent Updated)> PublishCorrectionAsync(
        DbTransaction transaction, DecisionRow row, V1.DecisionContent content, string changeNote, DateTimeOffset now)
    {
        var current = await publicDecisions.CurrentAsync(transaction, row.DecisionId) ?? throw NotFound(row.DecisionId);
        var previous = await decisions.ContentAsync(transaction.Connection!, row.DecisionId, row.ContentVersion, transaction);
        var decision = PublicVersions.Build(row, content, content.Party.IsMinor, await AgencyNameAsync(transaction, row.AgencyCode, current.AgencyName),
            row.PublicVersion + 1, current.FirstPublishedAt.ToDateTimeOffset(), now, redaction);
        var note = PublicVersions.PublicText(changeNote, redaction, previous, content);
        await publicDecisions.AddVersionAsync(transaction, decision, DecisionNames.PartyKind(content.Party.Kind)!, note);
        return (decision, DecisionEvents.Updated(row, decision, note, now));
    }

    /// <summary>Replaces the public view by the withdrawal notice (APL art. 48); returns the published, masked reason.</summary>
    async Task<string> WithdrawPublicVersionAsync(DbTransaction transaction, DecisionRow row, WithdrawDecisionRequest request, DateOnly revokedOn, DateTimeOffset now)
    {
        var current = await publicDecisions.CurrentAsync(transaction, row.DecisionId) ?? throw NotFound(row.DecisionId);
        var content = await decisions.ContentAsync(transaction.Connection!, row.DecisionId, row.ContentVersion, transaction);
        var withdrawal = new PublicWithdrawal
        {
            Kind = request.Kind, RevocationDate = DecisionNames.Date(revokedOn), Reason = PublicVersions.PublicText(request.Reason, redaction, content),
            WithdrawnAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now),
        };
        await publicDecisions.ReplaceAsync(transaction, PublicVersions.Withdrawn(current, withdrawal), row.PartyKind);
        return withdrawal.Reason;
    }

    async Task<string> AgencyNameAsync(DbTransaction transaction, string agencyCode, string fallback) =>
        (await agencies.FindAsync(transaction.Connection!, agencyCode, transaction))?.Name ?? fallback;

    /// <summary>Working-day arithmetic; a year without holiday data is a FailedPrecondition that says so, never a guess.</summary>
    static DateOnly WorkingDays(Func<DateOnly> compute, string field)
    {
        try
        {
            return compute();
        }
        catch (CalendarYearMissingException e)
        {
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.CalendarData, field,
                $"节假日安排缺少 {e.Year} 年数据，无法计算期限 / {e.Message}");
        }
    }

    static void RequestIdOnly(string requestId) =>
        new FieldViolations().Required("request_id", requestId).MaxLength("request_id", requestId, 100).ThrowIfAny();

    static void ExpectStatus(DecisionRow row, string status, string message)
    {
        if (row.Status != status) throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.Lifecycle, row.DecisionId.ToString(), $"{message} (status: {row.Status})");
    }

    /// <summary>A withdrawn decision is not corrected; a published one only by content that may still be published.</summary>
    static void ExpectCorrectable(DecisionRow row, PublicationEligibility eligibility)
    {
        if (row.Status == DecisionNames.Status.Withdrawn)
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.Lifecycle, row.DecisionId.ToString(), "已撤回的决定不能更新 / a withdrawn decision cannot be updated");
        if (row.Status == DecisionNames.Status.Published && !eligibility.MayPublish)
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.NotPublishable, row.DecisionId.ToString(),
                "更正后的内容不予公开，请撤回该决定 / the corrected content may not be published; withdraw the decision instead: " + eligibility.Describe());
    }

    static RpcException ChangedMeanwhile(DecisionRow row) =>
        RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.Lifecycle, row.DecisionId.ToString(), "决定状态已变化 / the decision changed meanwhile");

    static RpcException NotFound(Guid id) => RpcErrors.NotFound($"决定 {id} 不存在 / decision not found");
}
