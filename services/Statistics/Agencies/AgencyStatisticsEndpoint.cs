using Dapper;
using Grpc.Core;
using Longshan.Contracts.Statistics.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Statistics.Agencies;

/// <summary>gRPC <c>longshan.statistics.v1.StatisticsService</c>, agency figures.</summary>
[Authorize(Policy = Policies.Read)]
public sealed class AgencyStatisticsEndpoint(Database database) : StatisticsService.StatisticsServiceBase
{
    static readonly SqlStatement SelectCounts = SqlStatement.Portable(
        "SELECT kind AS Kind, agencies AS Count FROM agency_kind_counts ORDER BY kind");

    public override async Task<CountAgenciesByKindResponse> CountAgenciesByKind(CountAgenciesByKindRequest request, ServerCallContext context)
    {
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var counts = (await connection.QueryAsync<AgencyKindCount>(database.Sql(SelectCounts))).ToList();
        return new CountAgenciesByKindResponse { Counts = { counts }, Total = counts.Sum(c => c.Count) };
    }
}
