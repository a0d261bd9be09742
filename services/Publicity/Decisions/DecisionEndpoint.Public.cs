using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.Decisions;

/// <summary>The public reads: only redacted public versions, within their display period.</summary>
public sealed partial class DecisionEndpoint
{
    [AllowAnonymous]
    public override async Task<GetPublicDecisionResponse> GetPublicDecision(GetPublicDecisionRequest request, ServerCallContext context)
    {
        var id = DecisionValidation.DecisionId(request.DecisionId);
        var session = await reads.GetAsync(context.CancellationToken);
        var decision = await publicDecisions.FindPublicAsync(session, id, CountyTime.Today(time))
            ?? throw Platform.Grpc.RpcErrors.NotFound($"决定 {id} 未公开或已过公示期 / decision not public");
        var history = await publicDecisions.HistoryAsync(session, id, decision.Withdrawn);
        return new GetPublicDecisionResponse { Decision = decision, History = { history } };
    }

    [AllowAnonymous]
    public override async Task<SearchPublicDecisionsResponse> SearchPublicDecisions(SearchPublicDecisionsRequest request, ServerCallContext context)
    {
        var search = DecisionSearch.FromRequest(request, out var violations);
        violations.ThrowIfAny();
        var page = await publicDecisions.SearchPublicAsync(await reads.GetAsync(context.CancellationToken), search, CountyTime.Today(time));
        return new SearchPublicDecisionsResponse { Decisions = { page.Decisions }, NextPageToken = page.Next?.Encode() ?? "" };
    }
}
