using Longshan.Publicity.Tests.Support;
using Xunit.Abstractions;

namespace Longshan.Publicity.Tests.Guards;

/// <summary>Every Publicity RPC, discovered from the service: the authorization matrix over the writes, and fuzzing of all.</summary>
public sealed class GuardRailTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_write_refuses_every_caller_that_may_not_write_and_writes_nothing()
    {
        using var app = new PublicityApp();
        var (report, escapes) = await GuardRails.AuthorizationMatrixAsync(app, typeof(Program).Assembly);
        foreach (var line in report) output.WriteLine(line);
        Assert.Empty(escapes);
    }

    [Fact]
    public async Task A_100_MB_request_is_refused_with_resource_exhausted()
    {
        using var app = new PublicityApp();
        var agency = await app.RegisterAgencyAsync();
        var client = new Longshan.Contracts.Publicity.V1.DecisionService.DecisionServiceClient(app.Channel);
        var request = new Longshan.Contracts.Publicity.V1.RegisterDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, CaseNumber = new string('x', 100 * 1024 * 1024),
        };
        var before = await app.TableCountsAsync();

        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => client.RegisterDecisionAsync(request, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(Grpc.Core.StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Equal(before, await app.TableCountsAsync());
    }

    [Fact]
    public async Task Malformed_requests_to_every_rpc_get_a_clear_error_and_change_nothing()
    {
        using var app = new PublicityApp();
        var (report, escapes) = await GuardRails.FuzzAsync(app, typeof(Program).Assembly);
        foreach (var line in report) output.WriteLine(line);
        Assert.Empty(escapes);
    }
}
