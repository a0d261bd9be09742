using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identity;
using Longshan.Platform.Messaging;
using Longshan.Publicity.Agencies;
using Longshan.Publicity.Calendar;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// gRPC <c>longshan.publicity.v1.DecisionService</c>, the agency's writes: register, publish, update, withdraw.
/// Public reads are in DecisionEndpoint.Public.cs.
/// </summary>
public sealed partial class DecisionEndpoint(
    Database database, DecisionStore decisions, PublicDecisionStore publicDecisions, ReviewClearanceStore clearances,
    AgencyStore agencies, HolidayCalendar calendar, PublicationDeadlineOptions deadlines, RedactionOptions redaction,
    OutboxWriter outbox, AuditLog audit, RequestLog requests, TimeProvider time)
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
        var agencyCode = Platform.Identifiers.UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        caller.EnsureMayWriteFor(agencyCode);
        var decisionDate = DecisionNames.ParseDate(request.DecisionDate)!.Value;
        var category = DecisionNames.ToDomain(request.Category)!.Value;
        // 国办发〔2018〕118号: 7 working days for permits and penalties, 20 for others (APL art. 85: working days).
        var deadline = WorkingDays(() => PublicationDeadlines.PublicationDeadline(category, decisionDate, calendar, deadlines), "decision_date");
        var content = DecisionLifecycle.Normalize(request.Content, decisionDate, today);

        var ct = context.CancellationToken;
        await using var connection = await database.OpenAsync(ct);

        await using var transaction = await Database.BeginWriteAsync(connection, ct);
        if (await requests.FindAsync(transaction, caller, RegisterRpc, request.RequestId, RegisterDecisionResponse.Parser) is { } earlier)
            return earlier;
        if (await agencies.FindAsync(connection, agencyCode, transaction) is null)
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.AgencyRegistered, agencyCode, $"执法主体 {agencyCode} 未登记 / agency not registered");
        if (await decisions.CaseExistsAsync(transaction, agencyCode, request.CaseNumber.Trim()))
            throw RpcErrors.AlreadyExists($"案号 {request.CaseNumber.Trim()} 已登记 / case number already registered for this agency");

        var now = time.GetUtcNow();
        var row = DecisionLifecycle.NewRow(request, content, deadline, now, caller.Subject);
        var response = new RegisterDecisionResponse { Decision = DecisionLifecycle.Summary(row) };
        await decisions.InsertAsync(transaction, row);
        await decisions.AddContentAsync(transaction, row.DecisionId, 1, content, now, caller.Subject);
        await outbox.AddAsync(transaction, DecisionEvents.Registered(row, content, now));
        await audit.RecordAsync(transaction, caller, RegisterRpc, row.DecisionId.ToString());
        await requests.SaveAsync(transaction, caller, RegisterRpc, request.RequestId, response);
        await transaction.CommitAsync(ct);
        outbox.Wake();
        return response;
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<PublishDecisionResponse> PublishDecision(PublishDecisionRequest request, ServerCallContext context)
    {
        RequestIdOnly(request.RequestId);
        var (caller, connection, row) = await OpenOwnDecisionAsync(request.DecisionId, context);
        await using var _ = connection;

        var ct = context.CancellationToken;
        await using var transaction = await Database.BeginWriteAsync(connection, ct);
        if (await requests.FindAsync(transaction, caller, PublishRpc, request.RequestId, PublishDecisionResponse.Parser) is { } earlier)
            return earlier;
        row = await decisions.FindAsync(connection, row.DecisionId, transaction) ?? throw NotFound(row.DecisionId);
        ExpectStatus(row, DecisionNames.Status.Registered, "只能公开已登记、未公开的决定 / only a registered, unpublished decision can be published");
        var content = await decisions.ContentAsync(connection, row.DecisionId, row.ContentVersion, transaction);
        var eligibility = DecisionLifecycle.Assess(content);
        if (!eligibility.MayPublish)
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.NotPublishable, row.DecisionId.ToString(), "不予公开 / may not be published: " + eligibility.Describe());
        // 《行政处罚法》第五十八条: no major decision without a passed legal review of the same agency.
        if (row.IsMajor && !await clearances.IsPassedAsync(connection, row.ReviewClearanceReference ?? "", row.AgencyCode, transaction))
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.ReviewRequired, row.ReviewClearanceReference ?? "",
                $"重大执法决定未见通过的法制审核（{row.ReviewClearanceReference}） / no passed legal review {row.ReviewClearanceReference} of this agency is known");

        var now = time.GetUtcNow();
        var today = CountyTime.DateOf(now);
        var agency = await agencies.FindAsync(connection, row.AgencyCode, transaction);
        var decision = PublicVersions.Build(row, content, content.Party.IsMinor, agency?.Name ?? "", 1, now, now, redaction);
        if (!await decisions.MarkPublishedAsync(transaction, row.DecisionId, today))
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.Lifecycle, row.DecisionId.ToString(), "决定状态已变化 / the decision changed meanwhile");
        await publicDecisions.InsertAsync(transaction, decision, row.PartyKind, today, "");
        await outbox.AddAsync(transaction, DecisionEvents.Published(row, decision, today, now));
        await audit.RecordAsync(transaction, caller, PublishRpc, row.DecisionId.ToString());
        var response = new PublishDecisionResponse { Decision = decision, OnTime = today <= row.PublicationDeadline };
        await requests.SaveAsync(transaction, caller, PublishRpc, request.RequestId, response);
        await transaction.CommitAsync(ct);
        outbox.Wake();
        return response;
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<UpdateDecisionResponse> UpdateDecision(UpdateDecisionRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        var (caller, connection, row) = await OpenOwnDecisionAsync(request.DecisionId, context);
        await using var _ = connection;
        DecisionValidation.Validate(request, DecisionNames.CategoryFromName(row.Category), today).ThrowIfAny();

        var ct = context.CancellationToken;
        await using var transaction = await Database.BeginWriteAsync(connection, ct);
        if (await requests.FindAsync(transaction, caller, UpdateRpc, request.RequestId, UpdateDecisionResponse.Parser) is { } earlier)
            return earlier;
        row = await decisions.FindAsync(connection, row.DecisionId, transaction) ?? throw NotFound(row.DecisionId);
        if (row.Status == DecisionNames.Status.Withdrawn)
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.Lifecycle, row.DecisionId.ToString(), "已撤回的决定不能更新 / a withdrawn decision cannot be updated");
        var content = DecisionLifecycle.Normalize(request.Content, row.DecisionDate, today);
        var eligibility = DecisionLifecycle.Assess(content);
        var published = row.Status == DecisionNames.Status.Published;
        if (published && !eligibility.MayPublish)
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.NotPublishable, row.DecisionId.ToString(),
                "更正后的内容不予公开，请撤回该决定 / the corrected content may not be published; withdraw the decision instead: " + eligibility.Describe());

        var now = time.GetUtcNow();
        var version = row.ContentVersion + 1;
        var partyKind = DecisionNames.PartyKind(content.Party.Kind)!;
        var previous = published ? await decisions.ContentAsync(connection, row.DecisionId, row.ContentVersion, transaction) : null;
        await decisions.AddContentAsync(transaction, row.DecisionId, version, content, now, caller.Subject);
        var response = new UpdateDecisionResponse();
        if (published)
        {
            var changeNote = PublicVersions.PublicText(request.ChangeNote, redaction, previous!, content);
            var current = await publicDecisions.CurrentAsync(transaction, row.DecisionId) ?? throw NotFound(row.DecisionId);
            var agency = await agencies.FindAsync(connection, row.AgencyCode, transaction);
            response.PublicDecision = PublicVersions.Build(row, content, content.Party.IsMinor, agency?.Name ?? current.AgencyName,
                row.PublicVersion + 1, current.FirstPublishedAt.ToDateTimeOffset(), now, redaction);
            await publicDecisions.AddVersionAsync(transaction, response.PublicDecision, partyKind, changeNote);
            await outbox.AddAsync(transaction, DecisionEvents.Updated(row, response.PublicDecision, changeNote, now));
        }

        if (!await decisions.SetContentVersionAsync(transaction, row, version, published ? row.PublicVersion + 1 : 0, eligibility, partyKind))
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.Lifecycle, row.DecisionId.ToString(), "决定状态已变化 / the decision changed meanwhile");
        response.Decision = DecisionLifecycle.Summary((await decisions.FindAsync(connection, row.DecisionId, transaction))!);
        await audit.RecordAsync(transaction, caller, UpdateRpc, row.DecisionId.ToString());
        await requests.SaveAsync(transaction, caller, UpdateRpc, request.RequestId, response);
        await transaction.CommitAsync(ct);
        outbox.Wake();
        return response;
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<WithdrawDecisionResponse> WithdrawDecision(WithdrawDecisionRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        DecisionValidation.Validate(request, today).ThrowIfAny();
        var (caller, connection, row) = await OpenOwnDecisionAsync(request.DecisionId, context);
        await using var _ = connection;
        var revokedOn = DecisionNames.ParseDate(request.RevocationDate)!.Value;
        if (revokedOn < row.DecisionDate)
            new FieldViolations().Add("revocation_date", "撤销日期早于决定日期 / the revocation date is before the decision date").ThrowIfAny();

        var ct = context.CancellationToken;
        await using var transaction = await Database.BeginWriteAsync(connection, ct);
        if (await requests.FindAsync(transaction, caller, WithdrawRpc, request.RequestId, WithdrawDecisionResponse.Parser) is { } earlier)
            return earlier;
        row = await decisions.FindAsync(connection, row.DecisionId, transaction) ?? throw NotFound(row.DecisionId);
        if (row.Status == DecisionNames.Status.Withdrawn)
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.Lifecycle, row.DecisionId.ToString(), "决定已撤回 / the decision is already withdrawn");
        var wasPublished = row.Status == DecisionNames.Status.Published;
        // 《行政处罚法》第四十八条第二款: withdraw within 3 working days of the revocation (only what was published).
        DateOnly? deadline = wasPublished ? WorkingDays(() => PublicationDeadlines.WithdrawalDeadline(revokedOn, calendar, deadlines), "revocation_date") : null;

        var now = time.GetUtcNow();
        var kind = DecisionNames.Revocation(request.Kind)!;
        if (!await decisions.MarkWithdrawnAsync(transaction, row.DecisionId, kind, revokedOn, deadline, now, today))
            throw RpcErrors.FailedPrecondition(DecisionLifecycle.Rules.Lifecycle, row.DecisionId.ToString(), "决定状态已变化 / the decision changed meanwhile");
        var reason = "";
        if (wasPublished)
        {
            var current = await publicDecisions.CurrentAsync(transaction, row.DecisionId) ?? throw NotFound(row.DecisionId);
            reason = PublicVersions.PublicText(request.Reason, redaction, await decisions.ContentAsync(connection, row.DecisionId, row.ContentVersion, transaction));
            var withdrawal = new PublicWithdrawal
            {
                Kind = request.Kind, RevocationDate = DecisionNames.Date(revokedOn), Reason = reason,
                WithdrawnAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(now),
            };
            await publicDecisions.ReplaceAsync(transaction, PublicVersions.Withdrawn(current, withdrawal), row.PartyKind);
        }

        var withdrawn = (await decisions.FindAsync(connection, row.DecisionId, transaction))!;
        var revoked = DecisionEvents.Revoked(withdrawn, wasPublished, today, now, reason);
        await outbox.AddAsync(transaction, revoked);
        await audit.RecordAsync(transaction, caller, WithdrawRpc, row.DecisionId.ToString());
        var response = new WithdrawDecisionResponse { Decision = DecisionLifecycle.Summary(withdrawn), OnTime = revoked.OnTime };
        await requests.SaveAsync(transaction, caller, WithdrawRpc, request.RequestId, response);
        await transaction.CommitAsync(ct);
        outbox.Wake();
        return response;
    }

    /// <summary>Opens a connection and loads a decision the caller may write (NotFound, PermissionDenied otherwise).</summary>
    async Task<(Caller Caller, System.Data.Common.DbConnection Connection, DecisionRow Row)> OpenOwnDecisionAsync(string decisionId, ServerCallContext context)
    {
        var id = DecisionValidation.DecisionId(decisionId);
        var caller = Caller.From(context);
        var connection = await database.OpenAsync(context.CancellationToken);
        try
        {
            var row = await decisions.FindAsync(connection, id) ?? throw NotFound(id);
            caller.EnsureMayWriteFor(row.AgencyCode);
            return (caller, connection, row);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

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

    static RpcException NotFound(Guid id) => RpcErrors.NotFound($"决定 {id} 不存在 / decision not found");
}
