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
    Decisions.RedactionOptions redaction)
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

    [Authorize(Policy = Policies.Write)]
    public override async Task<PublishInspectionResultResponse> PublishInspectionResult(PublishInspectionResultRequest request, ServerCallContext context)
    {
        InspectionResults.Validate(request, CountyTime.Today(time)).ThrowIfAny();
        var caller = Caller.From(context);
        return await writes.RunAsync(context, request, PublishInspectionResultResponse.Parser, async session =>
        {
            var drawId = Guid.Parse(request.DrawId);
            var draw = await draws.FindAsync(session, drawId) ?? throw RpcErrors.NotFound($"抽取 {drawId} 不存在 / no such draw");
            caller.EnsureMayWriteFor(draw.AgencyCode);
            InspectionResults.ValidateAgainst(draw, request).ThrowIfAny();
            if (await results.ExistsAsync(session, drawId, request.TargetId.Trim()))
                throw RpcErrors.AlreadyExists($"检查对象 {request.TargetId.Trim()} 的抽查结果已公开 / result already published");

            var now = time.GetUtcNow();
            var result = InspectionResults.ToResult(draw, request, redaction);
            await results.InsertAsync(session, result, now, caller.Subject);
            return new WriteResult<PublishInspectionResultResponse>(new PublishInspectionResultResponse { Result = result },
                $"{draw.DrawId}/{result.TargetId}", InspectionResults.ToEvent(result, Guid.NewGuid(), now));
        });
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
