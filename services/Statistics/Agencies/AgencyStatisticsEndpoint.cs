using Grpc.Core;
using Longshan.Contracts.Statistics.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Statistics.Agencies;

/// <summary>gRPC <c>longshan.statistics.v1.StatisticsService</c>, agency figures.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class AgencyStatisticsEndpoint(Database database, AgencyKindCountStore store) : StatisticsService.StatisticsServiceBase
{
    public override async Task<CountAgenciesByKindResponse> CountAgenciesByKind(CountAgenciesByKindRequest request, ServerCallContext context)
    {
        await using var session = await database.ReadAsync(context.CancellationToken);
        var counts = await store.ListAsync(session);
        return new CountAgenciesByKindResponse { Counts = { counts }, Total = counts.Sum(c => c.Count) };
    }
}
