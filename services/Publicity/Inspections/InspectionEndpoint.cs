using Longshan.Platform.Calendar;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Publicity.Officers;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.Inspections;

/// <summary>gRPC <c>longshan.publicity.v1.InspectionService</c>: random-inspection items, draws and results.</summary>
public sealed class InspectionEndpoint(
    Database database, InspectionItemStore items, DrawStore draws, InspectionResultStore results, DrawRunner runner,
    WriteTransaction writes, TimeProvider time)
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

        return await writes.RunAsync(caller, PublishItemRpc, request.RequestId, PublishInspectionItemResponse.Parser, async transaction =>
        {
            var now = time.GetUtcNow();
            await items.InsertAsync(transaction, item, now, caller.Subject);
            return new WriteResult<PublishInspectionItemResponse>(
                new PublishInspectionItemResponse { Item = item }, item.ItemId, InspectionItems.ToEvent(item, Guid.NewGuid(), now));
        }, context.CancellationToken);
    }

    [AllowAnonymous]
    public override async Task<ListInspectionItemsResponse> ListInspectionItems(ListInspectionItemsRequest request, ServerCallContext context)
    {
        InspectionItems.Validate(request).ThrowIfAny();
        var size = Paging.Size(request.PageSize);
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var rows = await items.PageAsync(connection, UnifiedSocialCreditCode.Normalize(request.AgencyCode), Paging.DecodeBefore(request.PageToken)!.Value, size + 1);
        var (page, next) = Paging.Cut(rows, size, r => r.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ListInspectionItemsResponse { Items = { page.Select(r => r.Value) }, NextPageToken = next };
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<RunDrawResponse> RunDraw(RunDrawRequest request, ServerCallContext context) =>
        new() { Draw = await runner.RunAsync(request, context) };

    /// <summary>Public: everything needed to re-run the draw with <see cref="RandomDraw"/> and check its assignments.</summary>
    [AllowAnonymous]
    public override async Task<GetDrawResponse> GetDraw(GetDrawRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.DrawId, out var drawId)) new FieldViolations().Add("draw_id", "须为抽取编号 / must be a draw id").ThrowIfAny();
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var draw = await draws.FindAsync(connection, drawId) ?? throw RpcErrors.NotFound($"抽取 {drawId} 不存在 / no such draw");
        return new GetDrawResponse { Draw = PublicDraws.Public(draw) };
    }

    [AllowAnonymous]
    public override async Task<ListDrawsResponse> ListDraws(ListDrawsRequest request, ServerCallContext context)
    {
        Paging.ValidateSequence(InspectionItems.AgencyCode(new FieldViolations(), request.AgencyCode), request.PageSize, request.PageToken).ThrowIfAny();
        var size = Paging.Size(request.PageSize);
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var rows = await draws.PageAsync(connection, UnifiedSocialCreditCode.Normalize(request.AgencyCode), Paging.DecodeBefore(request.PageToken)!.Value, size + 1);
        var (page, next) = Paging.Cut(rows, size, r => r.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ListDrawsResponse
        {
            Draws = { page.Select(r => new DrawSummary { DrawId = r.Value.DrawId, ItemId = r.Value.ItemId, ItemName = r.Value.ItemName,
                Seed = r.Value.Seed, DrawDate = r.Value.DrawDate, TargetCount = r.Value.Assignments.Count }) },
            NextPageToken = next,
        };
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<PublishInspectionResultResponse> PublishInspectionResult(PublishInspectionResultRequest request, ServerCallContext context)
    {
        InspectionResults.Validate(request, CountyTime.Today(time)).ThrowIfAny();
        var caller = Caller.From(context);
        return await writes.RunAsync(caller, PublishResultRpc, request.RequestId, PublishInspectionResultResponse.Parser, async transaction =>
        {
            var drawId = Guid.Parse(request.DrawId);
            var draw = await draws.FindAsync(transaction.Connection!, drawId, transaction) ?? throw RpcErrors.NotFound($"抽取 {drawId} 不存在 / no such draw");
            caller.EnsureMayWriteFor(draw.AgencyCode);
            InspectionResults.ValidateAgainst(draw, request).ThrowIfAny();
            if (await results.ExistsAsync(transaction.Connection!, drawId, request.TargetId.Trim(), transaction))
                throw RpcErrors.AlreadyExists($"检查对象 {request.TargetId.Trim()} 的抽查结果已公开 / result already published");

            var now = time.GetUtcNow();
            var result = InspectionResults.ToResult(draw, request);
            await results.InsertAsync(transaction, result, now, caller.Subject);
            return new WriteResult<PublishInspectionResultResponse>(new PublishInspectionResultResponse { Result = result },
                $"{draw.DrawId}/{result.TargetId}", InspectionResults.ToEvent(result, Guid.NewGuid(), now));
        }, context.CancellationToken);
    }

    [AllowAnonymous]
    public override async Task<ListInspectionResultsResponse> ListInspectionResults(ListInspectionResultsRequest request, ServerCallContext context)
    {
        InspectionResults.Validate(request).ThrowIfAny();
        var size = Paging.Size(request.PageSize);
        Guid? drawId = request.DrawId.Length > 0 ? Guid.Parse(request.DrawId) : null;
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var rows = await results.PageAsync(connection, UnifiedSocialCreditCode.Normalize(request.AgencyCode), drawId, Paging.DecodeBefore(request.PageToken)!.Value, size + 1);
        var (page, next) = Paging.Cut(rows, size, r => r.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new ListInspectionResultsResponse { Results = { page.Select(r => InspectionResults.ForListing(r.Value)) }, NextPageToken = next };
    }
}
