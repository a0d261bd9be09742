using Grpc.Core;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Contracts.Rules;
using Longshan.LegalReview.Agencies;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.LegalReview.Discretion;

/// <summary>gRPC <c>longshan.legalreview.v1.DiscretionService</c>: benchmarks per agency and item, and SuggestDiscretion (T18).</summary>
public sealed class DiscretionEndpoint(ReadSession reads, DiscretionStore benchmarks, KnownAgencyStore agencies, WriteTransaction writes, TimeProvider time)
    : DiscretionService.DiscretionServiceBase
{
    [Authorize(Policy = Policies.Write)]
    public override async Task<PublishBenchmarkResponse> PublishBenchmark(PublishBenchmarkRequest request, ServerCallContext context)
    {
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var v = new FieldViolations().RequestId(request.RequestId)
            .Required("item_code", request.ItemCode).MaxLength("item_code", request.ItemCode, 60)
            .Required("item_name", request.ItemName).MaxLength("item_name", request.ItemName, 200)
            .Required("legal_basis", request.LegalBasis).MaxLength("legal_basis", request.LegalBasis, 500)
            .Required("reason", request.Reason).MaxLength("reason", request.Reason, 2000);
        if (UnifiedSocialCreditCode.Validate(agencyCode) is { } error) v.Add("agency_code", error);
        DiscretionBenchmarks.Validate(v, request.Tiers).ThrowIfAny();
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agencyCode);

        return await writes.RunAsync(context, request, PublishBenchmarkResponse.Parser, async session =>
        {
            if (await agencies.FindAsync(session, agencyCode) is null)
                throw RpcErrors.FailedPrecondition(RuleCatalog.AgencyNotRegistered, agencyCode);
            var itemCode = request.ItemCode.Trim();
            var version = ((await benchmarks.LatestAsync(session, agencyCode, itemCode))?.Version ?? 0) + 1;
            var benchmark = new DiscretionBenchmark
            {
                AgencyCode = agencyCode, ItemCode = itemCode, ItemName = request.ItemName.Trim(), LegalBasis = request.LegalBasis.Trim(),
                Tiers = { request.Tiers }, Version = version, Reason = request.Reason.Trim(),
            };
            var now = time.GetUtcNow();
            await benchmarks.InsertAsync(session, benchmark, now, caller.Subject);
            var published = new DiscretionBenchmarkPublished
            {
                EventId = Guid.NewGuid(), OccurredAt = now, AgencyCode = agencyCode, ItemCode = itemCode, ItemName = benchmark.ItemName,
                LegalBasis = benchmark.LegalBasis, Version = version, Reason = benchmark.Reason,
                Tiers = [.. benchmark.Tiers.Select(t => new DiscretionBenchmarkTier(t.Name, [.. t.Circumstances], t.FineMinFen, t.FineMaxFen, [.. t.OtherPenalties], t.IsDefault))],
            };
            return new WriteResult<PublishBenchmarkResponse>(new PublishBenchmarkResponse { Benchmark = benchmark }, $"benchmark/{agencyCode}/{itemCode}/v{version}", published);
        });
    }

    [Authorize(Policy = Policies.Read)]
    public override async Task<SuggestDiscretionResponse> SuggestDiscretion(SuggestDiscretionRequest request, ServerCallContext context)
    {
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var v = new FieldViolations().Required("item_code", request.ItemCode).MaxLength("item_code", request.ItemCode, 60);
        if (UnifiedSocialCreditCode.Validate(agencyCode) is { } error) v.Add("agency_code", error);
        if (request.Circumstances.Count > 50) v.Add("circumstances", "至多 50 项 / at most 50 entries");
        v.ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var benchmark = await benchmarks.LatestAsync(session, agencyCode, request.ItemCode.Trim())
            ?? throw RpcErrors.NotFound($"执法主体 {agencyCode} 未公布事项 {request.ItemCode.Trim()} 的裁量基准 / no benchmark for this item");
        return DiscretionBenchmarks.Suggest(benchmark, request.Circumstances);
    }
}
