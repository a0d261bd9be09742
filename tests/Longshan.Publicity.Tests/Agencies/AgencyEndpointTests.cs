using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Support;

namespace Longshan.Publicity.Tests.Agencies;

public sealed class AgencyEndpointTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly AgencyService.AgencyServiceClient client = new(app.Channel);

    static RegisterAgencyRequest Request(string code) => new()
    {
        RequestId = Guid.NewGuid().ToString(), CreditCode = code, Name = "龙山县自然资源局", Kind = AgencyKind.CountyDepartment,
        RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府" } },
    };

    [Fact]
    public async Task Registration_stores_the_agency_its_event_and_an_audit_row_in_one_transaction()
    {
        var code = PublicityApp.NewCreditCode();

        await client.RegisterAgencyAsync(Request(code), PublicityApp.Bearer(code));

        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM agencies WHERE credit_code = @code", new { code }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @code AND event_type = 'AgencyRegistered'", new { code }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE target = @code AND action = 'RegisterAgency'", new { code }));
    }

    [Fact]
    public async Task A_retry_racing_the_first_call_gets_the_first_result_not_an_error()
    {
        var code = PublicityApp.NewCreditCode();
        var request = Request(code);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.RegisterAgencyAsync(request, PublicityApp.Bearer(code)).ResponseAsync));

        Assert.All(responses, r => Assert.Equal(responses[0], r));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @code", new { code }));
    }

    [Fact]
    public async Task Invalid_registration_lists_every_violation_and_stores_nothing()
    {
        var code = PublicityApp.NewCreditCode();
        var request = Request(code[..17] + (code[17] == 'A' ? 'B' : 'A'));
        request.RemedyChannels.Clear();
        request.RequestId = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => client.RegisterAgencyAsync(request, PublicityApp.Bearer(code, Roles.CountyAdmin)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["request_id", "credit_code", "remedy_channels"], fields);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code LIKE @prefix", new { prefix = code[..17] + "%" }));
    }
}
