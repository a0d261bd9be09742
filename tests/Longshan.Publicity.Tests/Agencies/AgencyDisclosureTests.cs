using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Support;

namespace Longshan.Publicity.Tests.Agencies;

/// <summary>Seed task T2(3), 国办发〔2018〕118号: an agency discloses its duties (职责) and the basis of its status (主体资格依据).</summary>
public sealed class AgencyDisclosureTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly AgencyService.AgencyServiceClient client = new(app.Channel);

    public static RegisterAgencyRequest Request(string code, string name = "龙山县城市管理和综合执法局") => new()
    {
        RequestId = Guid.NewGuid().ToString(), CreditCode = code, Name = name, Kind = AgencyKind.CountyDepartment,
        RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府" } },
        Duties = { "负责城市市容环境卫生管理的行政执法工作", " 负责查处违法建设行为 " },
        StatusBases =
        {
            new LegalBasis { Law = "《中华人民共和国行政处罚法》", Article = "第十八条" },
            new LegalBasis { Law = "《龙山县城市管理和综合执法局职能配置、内设机构和人员编制规定》", Article = "龙编〔2019〕12号" },
        },
    };

    [Fact]
    public async Task Duties_and_status_bases_round_trip_with_version_1_and_the_registration_day()
    {
        var code = CreditCodes.New();

        var registered = await client.RegisterAgencyAsync(Request(code), TestTokens.Bearer(code));
        var got = (await client.GetAgencyAsync(new GetAgencyRequest { CreditCode = code })).Agency;

        Assert.Equal(registered.Agency, got);
        Assert.Equal(["负责城市市容环境卫生管理的行政执法工作", "负责查处违法建设行为"], got.Duties);
        Assert.Equal(["《中华人民共和国行政处罚法》第十八条", "《龙山县城市管理和综合执法局职能配置、内设机构和人员编制规定》龙编〔2019〕12号"],
            got.StatusBases.Select(b => b.Law + b.Article));
        Assert.Equal(1, got.DisclosureVersion);
        Assert.Equal("2026-11-27", got.DisclosureUpdatedOn);
        Assert.Null(got.Entrustment);
    }

    [Fact]
    public async Task A_registration_may_leave_duties_for_later_but_a_bad_basis_is_refused_field_by_field()
    {
        var code = CreditCodes.New();
        var request = Request(code);
        request.Duties.Clear();
        request.StatusBases.Clear();
        request.StatusBases.Add(new LegalBasis { Law = "《龙山县机构改革方案》" });

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.RegisterAgencyAsync(request, TestTokens.Bearer(code)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["status_bases[0].article"], refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM agencies WHERE credit_code = @code", new { code }));

        request.StatusBases.Clear();
        request.RequestId = Guid.NewGuid().ToString();
        var registered = (await client.RegisterAgencyAsync(request, TestTokens.Bearer(code))).Agency;
        Assert.Empty(registered.Duties);
        Assert.Empty(registered.StatusBases);
    }

    [Fact]
    public async Task An_update_without_duties_or_status_basis_is_refused_field_by_field()
    {
        var code = CreditCodes.New();
        await client.RegisterAgencyAsync(Request(code), TestTokens.Bearer(code));
        var update = new UpdateAgencyDisclosureRequest { RequestId = Guid.NewGuid().ToString(), CreditCode = code };
        update.RemedyChannels.Add(Request(code).RemedyChannels);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.UpdateAgencyDisclosureAsync(update, TestTokens.Bearer(code)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["duties", "status_bases"], refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task Entrusted_organisations_are_not_registered_through_RegisterAgency()
    {
        var code = CreditCodes.New();
        var request = Request(code);
        request.Kind = AgencyKind.EntrustedOrganisation;

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.RegisterAgencyAsync(request, TestTokens.Bearer(code)).ResponseAsync);

        Assert.Equal("kind", Assert.Single(refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task An_update_after_a_mandate_change_replaces_the_disclosure_and_raises_its_version()
    {
        var code = CreditCodes.New();
        await client.RegisterAgencyAsync(Request(code), TestTokens.Bearer(code));
        var update = new UpdateAgencyDisclosureRequest
        {
            RequestId = Guid.NewGuid().ToString(), CreditCode = code,
            Duties = { "负责城市管理领域相对集中行政处罚权的行使" },
            StatusBases = { new LegalBasis { Law = "《龙山县城市管理和综合执法局职能配置、内设机构和人员编制规定》", Article = "龙编〔2026〕7号" } },
            RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Litigation, Body = "龙山县人民法院" } },
        };

        var updated = await client.UpdateAgencyDisclosureAsync(update, TestTokens.Bearer(code));
        var retried = await client.UpdateAgencyDisclosureAsync(update, TestTokens.Bearer(code));
        var got = (await client.GetAgencyAsync(new GetAgencyRequest { CreditCode = code })).Agency;

        Assert.Equal(updated, retried);
        Assert.Equal(updated.Agency, got);
        Assert.Equal(2, got.DisclosureVersion);
        Assert.Equal(["负责城市管理领域相对集中行政处罚权的行使"], got.Duties);
        Assert.Equal("龙编〔2026〕7号", Assert.Single(got.StatusBases).Article);
        Assert.Equal(RemedyKind.Litigation, Assert.Single(got.RemedyChannels).Kind);
        Assert.Equal("龙山县城市管理和综合执法局", got.Name);
    }

    [Fact]
    public async Task Another_agency_may_not_update_the_disclosure_and_an_update_keeps_the_rules()
    {
        var code = CreditCodes.New();
        await client.RegisterAgencyAsync(Request(code), TestTokens.Bearer(code));
        var other = CreditCodes.New();
        var update = new UpdateAgencyDisclosureRequest
        {
            RequestId = Guid.NewGuid().ToString(), CreditCode = code, Duties = { "x" },
            StatusBases = { new LegalBasis { Law = "《某法》", Article = "第一条" } },
            RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Litigation, Body = "龙山县人民法院" } },
        };

        var denied = await Assert.ThrowsAsync<RpcException>(() => client.UpdateAgencyDisclosureAsync(update, TestTokens.Bearer(other)).ResponseAsync);
        update.StatusBases.Clear();
        var invalid = await Assert.ThrowsAsync<RpcException>(() => client.UpdateAgencyDisclosureAsync(update, TestTokens.Bearer(code)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal("status_bases", Assert.Single(invalid.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations).Field);
        Assert.Equal(1, (await client.GetAgencyAsync(new GetAgencyRequest { CreditCode = code })).Agency.DisclosureVersion);
    }

    [Fact]
    public async Task Updating_an_unregistered_agency_is_NotFound()
    {
        var code = CreditCodes.New();
        var update = new UpdateAgencyDisclosureRequest
        {
            RequestId = Guid.NewGuid().ToString(), CreditCode = code, Duties = { "x" },
            StatusBases = { new LegalBasis { Law = "《某法》", Article = "第一条" } },
            RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Litigation, Body = "龙山县人民法院" } },
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.UpdateAgencyDisclosureAsync(update, TestTokens.Bearer(code, Roles.CountyAdmin)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
    }
}
