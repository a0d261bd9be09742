using Grpc.Core;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Contracts.Rules;
using Longshan.LegalReview.Agencies;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Platform.Legal;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.LegalReview.Catalog;

/// <summary>
/// gRPC <c>longshan.legalreview.v1.CatalogService</c> (T12): the county base catalog (county administrator) and each
/// agency's extension, versioned with reasons; <c>ClassifyDecision</c> for agency systems before they decide.
/// </summary>
public sealed class CatalogEndpoint(ReadSession reads, CatalogStore catalogs, KnownAgencyStore agencies, WriteTransaction writes, TimeProvider time)
    : CatalogService.CatalogServiceBase
{
    [Authorize(Policy = Policies.Write)]
    public override async Task<PublishCatalogResponse> PublishCatalog(PublishCatalogRequest request, ServerCallContext context)
    {
        var county = string.IsNullOrWhiteSpace(request.AgencyCode);
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var v = new FieldViolations().RequestId(request.RequestId).Required("reason", request.Reason).MaxLength("reason", request.Reason, 2000);
        if (!county && UnifiedSocialCreditCode.Validate(agencyCode) is { } error) v.Add("agency_code", error);
        MajorDecisionCatalog.Validate(v, request.Items).ThrowIfAny();
        var caller = Caller.From(context);
        if (county && !caller.IsCountyAdmin)
            throw RpcErrors.PermissionDenied("县级基础目录由县司法局制定 / only the county administrator publishes the base catalog");
        if (!county) caller.EnsureMayWriteFor(agencyCode);
        var scope = county ? CatalogStore.County : agencyCode;

        return await writes.RunAsync(context, request, PublishCatalogResponse.Parser, async session =>
        {
            if (!county && await agencies.FindAsync(session, agencyCode) is null)
                throw RpcErrors.FailedPrecondition(RuleCatalog.AgencyNotRegistered, agencyCode);
            var version = ((await catalogs.LatestAsync(session, scope))?.Version ?? 0) + 1;
            var catalog = new CatalogVersion { Scope = scope, Version = version, Reason = request.Reason.Trim(), Items = { request.Items } };
            var now = time.GetUtcNow();
            await catalogs.InsertAsync(session, catalog, now, caller.Subject);
            var published = new MajorDecisionCatalogPublished
            {
                EventId = Guid.NewGuid(), OccurredAt = now, AgencyCode = county ? caller.AgencyCode : agencyCode, Scope = county ? "county" : "agency",
                Version = version, Reason = catalog.Reason, Items = [.. catalog.Items.Select(ToEvent)],
            };
            return new WriteResult<PublishCatalogResponse>(new PublishCatalogResponse { Catalog = catalog }, $"catalog/{scope}/v{version}", published);
        });
    }

    [Authorize(Policy = Policies.Read)]
    public override async Task<GetCatalogResponse> GetCatalog(GetCatalogRequest request, ServerCallContext context)
    {
        var agencyCode = AgencyCode(request.AgencyCode);
        var session = await reads.GetAsync(context.CancellationToken);
        var (@base, extension) = await catalogs.InForceAsync(session, agencyCode);
        var response = new GetCatalogResponse { Base = @base };
        if (extension is not null) response.Extension = extension;
        return response;
    }

    /// <summary>《行政处罚法》第五十八条: whether the draft is major under the catalog in force for the agency.</summary>
    [Authorize(Policy = Policies.Read)]
    public override async Task<ClassifyDecisionResponse> ClassifyDecision(ClassifyDecisionRequest request, ServerCallContext context)
    {
        var v = new FieldViolations();
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        if (UnifiedSocialCreditCode.Validate(agencyCode) is { } error) v.Add("agency_code", error);
        if (request.PartyKind == CatalogPartyKind.Unspecified) v.Add("party_kind", "必填 / required");
        if (request.Penalties.Count > 20) v.Add("penalties", "至多 20 项 / at most 20 entries");
        else if (request.Penalties.Any(p => !PenaltySeverity.KnownKinds.Contains(p.Kind))) v.Add("penalties", "未知的处罚种类 / unknown penalty kind");
        else if (request.Penalties.Any(p => p.AmountFen < 0)) v.Add("penalties", "金额不能为负 / amounts cannot be negative");
        if (request.Actions.Count > 20 || request.Actions.Any(a => a.Length > 60)) v.Add("actions", "至多 20 项，每项至多 60 字符 / at most 20 entries of 60 characters");
        v.ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var (@base, extension) = await catalogs.InForceAsync(session, agencyCode);
        var (baseSource, extensionSource) = (Source(@base), extension is null ? "" : Source(extension));
        var items = @base.Items.Select(i => (i, baseSource))
            .Concat(extension?.Items.Select(i => (i, extensionSource)) ?? []);
        return MajorDecisionCatalog.Classify(items, request);
    }

    static string Source(CatalogVersion catalog) => $"{catalog.Scope} v{catalog.Version}";

    static string AgencyCode(string code)
    {
        var normalized = UnifiedSocialCreditCode.Normalize(code);
        if (UnifiedSocialCreditCode.Validate(normalized) is { } error) new FieldViolations().Add("agency_code", error).ThrowIfAny();
        return normalized;
    }

    static MajorDecisionCatalogItem ToEvent(CatalogItem item)
    {
        var threshold = item.Kind is CatalogItemKind.FineThreshold or CatalogItemKind.ConfiscationThreshold;
        return new MajorDecisionCatalogItem(
            item.Code, KindName(item.Kind), item.Description, item.LegalSource,
            item.Kind == CatalogItemKind.PenaltyKind ? item.PenaltyKind : null,
            threshold ? (item.PartyKind == CatalogPartyKind.NaturalPerson ? "natural-person" : "organisation") : null,
            threshold ? item.AmountFen : null, threshold ? item.Inclusive : null,
            item.Kind == CatalogItemKind.DecisionAction ? item.Action : null);
    }

    static string KindName(CatalogItemKind kind) => kind switch
    {
        CatalogItemKind.PenaltyKind => "penalty-kind",
        CatalogItemKind.FineThreshold => "fine-threshold",
        CatalogItemKind.ConfiscationThreshold => "confiscation-threshold",
        CatalogItemKind.HearingHeld => "hearing-held",
        CatalogItemKind.ComplexCase => "complex-case",
        CatalogItemKind.MajorPublicInterest => "major-public-interest",
        _ => "decision-action",
    };
}
