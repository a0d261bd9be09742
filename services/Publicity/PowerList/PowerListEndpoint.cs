using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Contracts.Rules;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Publicity.Agencies;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.PowerList;

/// <summary>gRPC <c>longshan.publicity.v1.PowerListService</c>: publish, withdraw and read the versioned power list.</summary>
public sealed class PowerListEndpoint(
    PowerItemStore items, AgencyStore agencies, ReadSession reads, WriteTransaction writes, TimeProvider time)
    : PowerListService.PowerListServiceBase
{
    const string PublishRpc = "PublishItem";
    const string WithdrawRpc = "WithdrawItem";

    [Authorize(Policy = Policies.Write)]
    public override async Task<PublishPowerItemResponse> PublishItem(PublishPowerItemRequest request, ServerCallContext context)
    {
        PowerItemValidation.Validate(request).ThrowIfAny();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agencyCode);

        return await writes.RunAsync(context, request, PublishPowerItemResponse.Parser, async session =>
        {
            // 118号: the list discloses the powers of a registered enforcement body (执法主体).
            await agencies.RegisteredAsync(session, agencyCode);
            var head = await items.FindHeadForWriteAsync(session, agencyCode, request.Content.ItemCode.Trim());
            if (PowerItemVersioning.Refusal(head) is { } refusal)
                throw RpcErrors.FailedPrecondition(RuleCatalog.PowerItemWithdrawn, $"{agencyCode}/{request.Content.ItemCode}", refusal);
            PowerItemVersioning.ValidateChange(head, request.ChangeReason, request.ChangeNote).ThrowIfAny();

            var item = PowerItemVersioning.NewVersion(agencyCode, request.Content, head, request.ChangeReason, request.ChangeNote, time.GetUtcNow());
            await items.InsertAsync(session, item, head, caller.Subject);
            return new WriteResult<PublishPowerItemResponse>(
                new PublishPowerItemResponse { Item = item }, Target(item), PowerItemEvents.Published(item, Guid.NewGuid()));
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<WithdrawPowerItemResponse> WithdrawItem(WithdrawPowerItemRequest request, ServerCallContext context)
    {
        PowerItemValidation.Validate(request).ThrowIfAny();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agencyCode);

        return await writes.RunAsync(context, request, WithdrawPowerItemResponse.Parser, async session =>
        {
            var head = await items.FindHeadForWriteAsync(session, agencyCode, request.ItemCode)
                ?? throw NotFound(agencyCode, request.ItemCode);
            if (PowerItemVersioning.Refusal(head) is { } refusal)
                throw RpcErrors.FailedPrecondition(RuleCatalog.PowerItemWithdrawn, $"{agencyCode}/{request.ItemCode}", refusal);
            var current = await items.GetAsync(session, agencyCode, request.ItemCode, head.CurrentVersion)
                ?? throw NotFound(agencyCode, request.ItemCode);

            var item = PowerItemVersioning.Withdrawal(current, request.Reason, request.Note, time.GetUtcNow());
            await items.InsertAsync(session, item, head, caller.Subject);
            return new WriteResult<WithdrawPowerItemResponse>(
                new WithdrawPowerItemResponse { Item = item }, Target(item), PowerItemEvents.Withdrawn(item, Guid.NewGuid()));
        });
    }

    /// <summary>Public: the current version (also when withdrawn), or the version asked for.</summary>
    [AllowAnonymous]
    public override async Task<GetPowerItemResponse> GetItem(GetPowerItemRequest request, ServerCallContext context)
    {
        var violations = ItemKey(request.AgencyCode, request.ItemCode);
        if (request.Version < 0) violations.Add("version", "版本号不得为负 / version must not be negative");
        violations.ThrowIfAny();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var item = await items.GetAsync(await reads.GetAsync(context.CancellationToken), agencyCode, request.ItemCode, request.Version == 0 ? null : request.Version)
            ?? throw NotFound(agencyCode, request.ItemCode, request.Version);
        return new GetPowerItemResponse { Item = item };
    }

    /// <summary>Public: an agency's items in force.</summary>
    [AllowAnonymous]
    public override async Task<ListPowerItemsResponse> ListItems(ListPowerItemsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        PowerItemValidation.AgencyCode(violations, "agency_code", request.AgencyCode);
        var category = PowerItemNames.ToDomain(request.Category);
        if (request.Category != PowerCategory.Unspecified && category is null) violations.Add("category", "执法类别未知 / unknown category");
        var paging = PowerItemStore.ReadPage(violations, request.PageSize, request.PageToken);
        violations.ThrowIfAny();

        var page = await items.ListCurrentAsync(await reads.GetAsync(context.CancellationToken), UnifiedSocialCreditCode.Normalize(request.AgencyCode), category, paging);
        return new ListPowerItemsResponse { Items = { page.Items }, NextPageToken = page.NextToken };
    }

    /// <summary>Public: every version, newest first.</summary>
    [AllowAnonymous]
    public override async Task<GetPowerItemHistoryResponse> GetItemHistory(GetPowerItemHistoryRequest request, ServerCallContext context)
    {
        ItemKey(request.AgencyCode, request.ItemCode).ThrowIfAny();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var versions = await items.HistoryAsync(await reads.GetAsync(context.CancellationToken), agencyCode, request.ItemCode);
        if (versions.Count == 0) throw NotFound(agencyCode, request.ItemCode);
        return new GetPowerItemHistoryResponse { Versions = { versions } };
    }

    static FieldViolations ItemKey(string agencyCode, string itemCode)
    {
        var violations = new FieldViolations();
        PowerItemValidation.AgencyCode(violations, "agency_code", agencyCode);
        PowerItemValidation.ItemCode(violations, "item_code", itemCode);
        return violations;
    }

    static string Target(PowerItem item) => $"{item.AgencyCode}/{item.Content.ItemCode}@v{item.Version}";

    static RpcException NotFound(string agencyCode, string itemCode, int version = 0) => RpcErrors.NotFound(version == 0
        ? $"执法主体 {agencyCode} 无事项 {itemCode} / no such item"
        : $"执法主体 {agencyCode} 的事项 {itemCode} 无第 {version} 版 / no such version");
}
