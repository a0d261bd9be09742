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
        Duties = { "依法查处本行政区域内的违法行为" },
        StatusBases = { new LegalBasis { Law = "《龙山县人民政府机构改革方案》", Article = "龙发〔2019〕5号" } },
    };

    [Fact]
    public async Task Registration_stores_the_agency_its_event_and_an_audit_row_in_one_transaction()
    {
        var code = CreditCodes.New();

        await client.RegisterAgencyAsync(Request(code), TestTokens.Bearer(code));

        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM agencies WHERE credit_code = @code", new { code }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @code AND event_type = 'AgencyRegistered'", new { code }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE target = @code AND action = 'AgencyService/RegisterAgency'", new { code }));
    }

    [Fact]
    public async Task A_retry_racing_the_first_call_gets_the_first_result_not_an_error()
    {
        var code = CreditCodes.New();
        var request = Request(code);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.RegisterAgencyAsync(request, TestTokens.Bearer(code)).ResponseAsync));

        Assert.All(responses, r => Assert.Equal(responses[0], r));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @code", new { code }));
    }

    [Fact]
    public async Task A_request_id_reused_for_other_content_is_refused_with_its_rule_and_stores_nothing()
    {
        var code = CreditCodes.New();
        var first = Request(code);
        await client.RegisterAgencyAsync(first, TestTokens.Bearer(code, Roles.CountyAdmin));
        var other = Request(CreditCodes.New());
        other.RequestId = first.RequestId;

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.RegisterAgencyAsync(other, TestTokens.Bearer(code, Roles.CountyAdmin)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("request-id-reused", refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0].Type);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM agencies WHERE credit_code = @code", new { code = other.CreditCode }));
    }

    [Fact]
    public async Task A_county_admin_call_and_an_agency_call_sharing_a_request_id_do_not_get_each_others_answer()
    {
        var code = CreditCodes.New();
        var byAgency = Request(code);
        var byCounty = Request(CreditCodes.New());
        byCounty.RequestId = byAgency.RequestId;

        var agencyAnswer = await client.RegisterAgencyAsync(byAgency, TestTokens.Bearer(code));
        var countyAnswer = await client.RegisterAgencyAsync(byCounty, TestTokens.Bearer(code, Roles.CountyAdmin));

        Assert.Equal(code, agencyAnswer.Agency.CreditCode);
        Assert.Equal(byCounty.CreditCode, countyAnswer.Agency.CreditCode);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM agencies WHERE credit_code = @code", new { code = byCounty.CreditCode }));
    }

    /// <summary>Tried from outside: 1,000 bad remedy channels made a ~42 KB status that never reached the client.</summary>
    [Fact]
    public async Task A_request_with_a_thousand_bad_entries_gets_a_short_InvalidArgument_promptly()
    {
        var code = CreditCodes.New();
        var request = Request(code);
        request.RemedyChannels.Clear();
        for (var i = 0; i < 1000; i++) request.RemedyChannels.Add(new RemedyChannel { Body = new string('x', 300) });

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.RegisterAgencyAsync(request, TestTokens.Bearer(code, Roles.CountyAdmin), deadline: DateTime.UtcNow.AddSeconds(10)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        var violations = refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations;
        Assert.Equal(21, violations.Count);
        Assert.Equal("remedy_channels[0].kind", violations[0].Field);
        Assert.Contains("1980", violations[^1].Description, StringComparison.Ordinal);
        Assert.True(refused.Status.Detail.Length < 1000, $"status message of {refused.Status.Detail.Length} characters");
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM agencies WHERE credit_code = @code", new { code }));
    }

    [Fact]
    public async Task A_write_token_without_a_person_is_refused()
    {
        var code = CreditCodes.New();
        var withoutPerson = TestTokens.Bearer(new TestPerson(""), code, Roles.CountyAdmin);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.RegisterAgencyAsync(Request(code), withoutPerson).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM agencies WHERE credit_code = @code", new { code }));
    }

    [Fact]
    public async Task The_audit_log_records_the_person_from_the_token()
    {
        var code = CreditCodes.New();
        var person = TestTokens.Bearer(new TestPerson("user-0042", "李四"), code, Roles.CountyAdmin);

        await client.RegisterAgencyAsync(Request(code), person);

        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM audit_log WHERE target = @code AND subject = 'user-0042' AND subject_name = '李四'", new { code }));
    }

    [Fact]
    public async Task Invalid_registration_lists_every_violation_and_stores_nothing()
    {
        var code = CreditCodes.New();
        var request = Request(code[..17] + (code[17] == 'A' ? 'B' : 'A'));
        request.RemedyChannels.Clear();
        request.RequestId = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => client.RegisterAgencyAsync(request, TestTokens.Bearer(code, Roles.CountyAdmin)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["request_id", "credit_code", "remedy_channels"], fields);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code LIKE @prefix", new { prefix = code[..17] + "%" }));
    }
}
