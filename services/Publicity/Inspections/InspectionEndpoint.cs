using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Contracts.Rules;
using Longshan.Publicity.Officers;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.Inspections;

/// <summary>gRPC <c>longshan.publicity.v1.InspectionService</c>: random-inspection items, draws and results.</summary>
public sealed class InspectionEndpoint(
    ReadSession reads, InspectionItemStore items, DrawStore draws, InspectionResultStore results, DrawRunner runner,
    TargetRegisterStore register, DrawRoundStore rounds, OfficerStore officers, WriteTransaction writes, TimeProvider time,
    Decisions.RedactionOptions redaction, InspectionDeadlineStore deadlines, HolidayCalendar calendar, Decisions.PublicationDeadlineOptions deadlineOptions)
    : InspectionService.InspectionServiceBase
{
    const string PublishItemRpc = "PublishInspectionItem";
    const string PublishResultRpc = "PublishInspectionResult";

    [Authorize(Policy = Policies.Write)]
    public override async Task<PublishInspectionItemResponse> PublishInspectionItem(PublishInspectionItemRequest request, ServerCallContext context)
    {
        InspectionItems.Validate(request).ThrowIfAny();
        var item = InspectionItems.ToItem(request, Guid.NewGuid(), CountyTime.Today(time));
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(item.AgencyCode);

        return await writes.RunAsync(context, request, PublishInspectionItemResponse.Parser, async session =>
        {
            var now = time.GetUtcNow();
            await items.InsertAsync(session, item, now, caller.Subject);
            return new WriteResult<PublishInspectionItemResponse>(
                new PublishInspectionItemResponse { Item = item }, item.ItemId, InspectionItems.ToEvent(item, Guid.NewGuid(), now));
        });
    }

    [AllowAnonymous]
    public override async Task<ListInspectionItemsResponse> ListInspectionItems(ListInspectionItemsRequest request, ServerCallContext context)
    {
        var violations = InspectionItems.AgencyCode(new FieldViolations(), request.AgencyCode);
        var paging = Sequenced.ReadPage(violations, "inspection-items", request.PageSize, request.PageToken);
        violations.ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var page = paging.Cut(await items.PageAsync(session, UnifiedSocialCreditCode.Normalize(request.AgencyCode), paging.BeforeSequence, paging.Fetch), Sequenced.Key);
        return new ListInspectionItemsResponse { Items = { page.Items.Select(r => r.Value) }, NextPageToken = page.NextToken };
    }

    /// <summary>检查对象名录库: the agency adds, renames or takes off targets of its item's register.</summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<UpdateTargetRegisterResponse> UpdateTargetRegister(UpdateTargetRegisterRequest request, ServerCallContext context)
    {
        DrawRounds.Validate(request).ThrowIfAny();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agencyCode);
        return await writes.RunAsync(context, request, UpdateTargetRegisterResponse.Parser, async session =>
        {
            var itemId = Guid.Parse(request.ItemId);
            var item = await items.FindAsync(session, itemId);
            if (item is null || item.AgencyCode != agencyCode)
                throw RpcErrors.NotFound($"本机关无抽查事项 {request.ItemId} / no such inspection item of agency {agencyCode}");
            var now = time.GetUtcNow();
            foreach (var target in request.Add) await register.PutAsync(session, itemId, agencyCode, DrawRounds.Normalised(target), now, caller.Subject);
            foreach (var id in request.Remove) await register.RemoveAsync(session, itemId, id.Trim(), now, caller.Subject);
            return new WriteResult<UpdateTargetRegisterResponse>(
                new UpdateTargetRegisterResponse { ActiveCount = await register.CountAsync(session, itemId) }, item.ItemId);
        });
    }

    /// <summary>Public: the register as it stands, by target id; natural persons' names masked to the surname (APL art. 50).</summary>
    [AllowAnonymous]
    public override async Task<ListRegisterTargetsResponse> ListRegisterTargets(ListRegisterTargetsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (!Guid.TryParse(request.ItemId, out var itemId)) violations.Add("item_id", "须为抽查事项编号 / must be an item id");
        var paging = Paging.Read(violations, "register-targets", request.PageSize, request.PageToken);
        violations.ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var page = paging.Cut(await register.PageAsync(session, itemId, paging.AfterKey ?? "", paging.Fetch), t => t.Id);
        return new ListRegisterTargetsResponse { Targets = { page.Items.Select(PublicDraws.Public) }, NextPageToken = page.NextToken };
    }

    /// <summary>抽查批次: freezes the register into the round's pool and publishes it before any draw.</summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<FreezeDrawPoolResponse> FreezeDrawPool(FreezeDrawPoolRequest request, ServerCallContext context)
    {
        DrawRounds.Validate(request).ThrowIfAny();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agencyCode);
        return await writes.RunAsync(context, request, FreezeDrawPoolResponse.Parser, async session =>
        {
            var itemId = Guid.Parse(request.ItemId);
            var item = await items.FindAsync(session, itemId);
            if (item is null || item.AgencyCode != agencyCode)
                throw RpcErrors.NotFound($"本机关无抽查事项 {request.ItemId} / no such inspection item of agency {agencyCode}");
            var pool = await register.ActiveAsync(session, itemId);
            if (pool.Count == 0)
                throw RpcErrors.FailedPrecondition(RuleCatalog.TargetRegisterEmpty, item.ItemId, "检查对象名录库为空 / the target register is empty");
            var officerIds = (await officers.ListByAgencyAsync(session, agencyCode)).Select(o => o.OfficerId.ToString("D")).ToHashSet();
            DrawRounds.ValidateAgainst(request, pool, officerIds).ThrowIfAny();
            var now = time.GetUtcNow();
            var round = DrawRounds.Freeze(request, item, pool, Guid.NewGuid(), now);
            await rounds.InsertAsync(session, round, now, caller.Subject);
            return new WriteResult<FreezeDrawPoolResponse>(new FreezeDrawPoolResponse { Round = round }, round.RoundId);
        });
    }

    /// <summary>Public: the frozen pool (natural persons masked) and the round's current draw.</summary>
    [AllowAnonymous]
    public override async Task<GetDrawRoundResponse> GetDrawRound(GetDrawRoundRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.RoundId, out var roundId)) new FieldViolations().Add("round_id", "须为抽查批次编号 / must be a round id").ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var round = await rounds.FindAsync(session, roundId) ?? throw RpcErrors.NotFound($"抽查批次 {roundId} 不存在 / no such round");
        return new GetDrawRoundResponse { Round = PublicDraws.Public(round) };
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<RunDrawResponse> RunDraw(RunDrawRequest request, ServerCallContext context) =>
        new() { Draw = await runner.RunAsync(request, context) };

    /// <summary>Public: everything needed to re-run the draw with <see cref="RandomDraw"/> and check its assignments.</summary>
    [AllowAnonymous]
    public override async Task<GetDrawResponse> GetDraw(GetDrawRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.DrawId, out var drawId)) new FieldViolations().Add("draw_id", "须为抽取编号 / must be a draw id").ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var draw = await draws.FindAsync(session, drawId) ?? throw RpcErrors.NotFound($"抽取 {drawId} 不存在 / no such draw");
        return new GetDrawResponse { Draw = PublicDraws.Public(draw) };
    }

    [AllowAnonymous]
    public override async Task<ListDrawsResponse> ListDraws(ListDrawsRequest request, ServerCallContext context)
    {
        var violations = InspectionItems.AgencyCode(new FieldViolations(), request.AgencyCode);
        var paging = Sequenced.ReadPage(violations, "draws", request.PageSize, request.PageToken);
        violations.ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var page = paging.Cut(await draws.PageAsync(session, UnifiedSocialCreditCode.Normalize(request.AgencyCode), paging.BeforeSequence, paging.Fetch), Sequenced.Key);
        return new ListDrawsResponse
        {
            Draws = { page.Items.Select(r => new DrawSummary { DrawId = r.Value.DrawId, ItemId = r.Value.ItemId, ItemName = r.Value.ItemName,
                Seed = r.Value.Seed, DrawDate = r.Value.DrawDate, TargetCount = r.Value.Assignments.Count }) },
            NextPageToken = page.NextToken,
        };
    }

    /// <summary>
    /// 一公开: a result of a drawn target. A target may have several (e.g. a follow-up inspection on another day); a
    /// correction (更正) names the result it corrects, which stays on record, shown as corrected. The first result for an
    /// end of inspection is due within 20 working days of it (国办发〔2018〕118号); the deadline watch raises
    /// InspectionResultOverdue once for one published late or still outstanding.
    /// </summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<PublishInspectionResultResponse> PublishInspectionResult(PublishInspectionResultRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        InspectionResults.Validate(request, today).ThrowIfAny();
        var caller = Caller.From(context);
        var endedOn = InspectionResults.EndedOn(request);
        return await writes.RunAsync(context, request, PublishInspectionResultResponse.Parser, async session =>
        {
            var drawId = Guid.Parse(request.DrawId);
            var draw = await draws.FindAsync(session, drawId) ?? throw RpcErrors.NotFound($"抽取 {drawId} 不存在 / no such draw");
            caller.EnsureMayWriteFor(draw.AgencyCode);
            InspectionResults.ValidateAgainst(draw, request).ThrowIfAny();
            var targetId = request.TargetId.Trim();
            var now = time.GetUtcNow();
            var resultId = Guid.NewGuid();

            if (request.Corrects.Length > 0)
            {
                var correctsId = Guid.Parse(request.Corrects);
                var corrected = await results.FindAsync(session, correctsId)
                    ?? throw RpcErrors.NotFound($"抽查结果 {correctsId} 不存在 / no such result");
                InspectionResults.ValidateCorrection(corrected, request).ThrowIfAny();
                if (corrected.CorrectedBy.Length > 0 || !await results.MarkCorrectedAsync(session, correctsId, resultId))
                    throw RpcErrors.FailedPrecondition(RuleCatalog.InspectionResultAlreadyCorrected, correctsId.ToString(),
                        $"该结果已由 {corrected.CorrectedBy} 更正；请更正最新的结果 / already corrected: correct the latest result");
                // A correction keeps the deadline of the result it corrects; it is not a late publication of its own.
                var correction = InspectionResults.ToResult(draw, request, resultId, corrected.PublicationDeadline, today, redaction);
                await results.InsertAsync(session, correction, now, caller.Subject);
                return new WriteResult<PublishInspectionResultResponse>(new PublishInspectionResultResponse { Result = correction, OnTime = true },
                    $"{draw.DrawId}/{targetId}", InspectionResults.ToEvent(correction, Guid.NewGuid(), now));
            }

            if (await results.ExistsForDayAsync(session, drawId, targetId, CountyTime.Date(request.InspectedOn)))
                throw RpcErrors.AlreadyExists($"检查对象 {targetId} 在 {request.InspectedOn.Trim()} 的抽查结果已公开；如需修改请更正（corrects） / a result for this inspection day is published: correct it instead");

            // 国办发〔2018〕118号: other decisions within 20 working days of the end of the inspection.
            var due = await deadlines.FindAsync(session, drawId, targetId, endedOn);
            DateOnly? deadline;
            if (due is null)
            {
                deadline = DeadlineOf(endedOn, "inspection_ended_on");
                await deadlines.InsertAsync(session, new InspectionDeadline
                {
                    DrawId = drawId, TargetId = targetId, EndedOn = endedOn, AgencyCode = draw.AgencyCode, ItemId = Guid.Parse(draw.ItemId),
                    Deadline = deadline, PublishedOn = today,
                }, resultId, now, caller.Subject);
            }
            else
            {
                deadline = due.Deadline;
                await deadlines.MarkPublishedAsync(session, drawId, targetId, endedOn, today, resultId);
            }

            var result = InspectionResults.ToResult(draw, request, resultId, deadline is { } d ? CountyTime.Format(d) : null, today, redaction);
            await results.InsertAsync(session, result, now, caller.Subject);
            return new WriteResult<PublishInspectionResultResponse>(
                new PublishInspectionResultResponse { Result = result, OnTime = deadline is not { } last || today <= last },
                $"{draw.DrawId}/{targetId}", InspectionResults.ToEvent(result, Guid.NewGuid(), now));
        });
    }

    /// <summary>检查结束: starts the 20 working days to publish the target's result (国办发〔2018〕118号). Recording it again is a no-op.</summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<RecordInspectionEndResponse> RecordInspectionEnd(RecordInspectionEndRequest request, ServerCallContext context)
    {
        InspectionResults.Validate(request, CountyTime.Today(time)).ThrowIfAny();
        var caller = Caller.From(context);
        var endedOn = CountyTime.Date(request.EndedOn);
        return await writes.RunAsync(context, request, RecordInspectionEndResponse.Parser, async session =>
        {
            var drawId = Guid.Parse(request.DrawId);
            var draw = await draws.FindAsync(session, drawId) ?? throw RpcErrors.NotFound($"抽取 {drawId} 不存在 / no such draw");
            caller.EnsureMayWriteFor(draw.AgencyCode);
            var violations = new FieldViolations();
            if (InspectionResults.Assignment(draw, request.TargetId) is null) violations.Add("target_id", "不是本次抽取的检查对象 / not a drawn target of this draw");
            if (endedOn < CountyTime.Date(draw.DrawDate)) violations.Add("ended_on", "不得早于抽取日期 / must not be before the draw date");
            violations.ThrowIfAny();
            var targetId = request.TargetId.Trim();
            var existing = await deadlines.FindAsync(session, drawId, targetId, endedOn);
            var deadline = existing is null ? DeadlineOf(endedOn, "ended_on") : existing.Deadline;
            if (existing is null)
                await deadlines.InsertAsync(session, new InspectionDeadline
                {
                    DrawId = drawId, TargetId = targetId, EndedOn = endedOn, AgencyCode = draw.AgencyCode, ItemId = Guid.Parse(draw.ItemId), Deadline = deadline,
                }, null, time.GetUtcNow(), caller.Subject);
            return new WriteResult<RecordInspectionEndResponse>(
                new RecordInspectionEndResponse { PublicationDeadline = deadline is { } d ? CountyTime.Format(d) : "" }, $"{draw.DrawId}/{targetId}");
        });
    }

    /// <summary>End + 20 working days; null (pending) when it runs into a year after the calendar's last one.</summary>
    DateOnly? DeadlineOf(DateOnly endedOn, string field)
    {
        try
        {
            return InspectionDeadlines.DeadlineOrPending(endedOn, calendar, deadlineOptions);
        }
        catch (CalendarYearMissingException e)
        {
            throw RpcErrors.FailedPrecondition(RuleCatalog.CalendarYearMissing, field, $"节假日安排缺少 {e.Year} 年数据，无法计算期限 / {e.Message}");
        }
    }

    [AllowAnonymous]
    public override async Task<ListInspectionResultsResponse> ListInspectionResults(ListInspectionResultsRequest request, ServerCallContext context)
    {
        var violations = InspectionResults.Validate(request);
        var paging = Sequenced.ReadPage(violations, "inspection-results", request.PageSize, request.PageToken);
        violations.ThrowIfAny();
        Guid? drawId = request.DrawId.Length > 0 ? Guid.Parse(request.DrawId) : null;
        var session = await reads.GetAsync(context.CancellationToken);
        var rows = await results.PageAsync(session, UnifiedSocialCreditCode.Normalize(request.AgencyCode), drawId, paging.BeforeSequence, paging.Fetch);
        var page = paging.Cut(rows, Sequenced.Key);
        return new ListInspectionResultsResponse { Results = { page.Items.Select(r => InspectionResults.ForListing(r.Value, redaction)) }, NextPageToken = page.NextToken };
    }
}
