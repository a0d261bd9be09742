using Longshan.Platform.Calendar;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.Decisions;

/// <summary>The public reads: only redacted public versions, within their display period.</summary>
public sealed partial class DecisionEndpoint
{
    [AllowAnonymous]
    public override async Task<GetPublicDecisionResponse> GetPublicDecision(GetPublicDecisionRequest request, ServerCallContext context)
    {
        var id = DecisionValidation.DecisionId(request.DecisionId);
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var decision = await publicDecisions.FindPublicAsync(connection, id, CountyTime.Today(time))
            ?? throw Platform.Grpc.RpcErrors.NotFound($"决定 {id} 未公开或已过公示期 / decision not public");
        var history = await publicDecisions.HistoryAsync(connection, id, decision.Withdrawn);
        return new GetPublicDecisionResponse { Decision = decision, History = { history } };
    }

    [AllowAnonymous]
    public override async Task<SearchPublicDecisionsResponse> SearchPublicDecisions(SearchPublicDecisionsRequest request, ServerCallContext context)
    {
        var search = DecisionSearch.FromRequest(request, out var violations);
        violations.ThrowIfAny();
        var page = await publicDecisions.SearchPublicAsync(search, CountyTime.Today(time), context.CancellationToken);
        return new SearchPublicDecisionsResponse { Decisions = { page.Decisions }, NextPageToken = page.Next?.Encode() ?? "" };
    }
}
