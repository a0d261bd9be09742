using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Agencies.EntrustedData;

namespace Longshan.Publicity.Tests.Agencies;

/// <summary>《行政处罚法》第二十条: the entrusting agency registers the organisation it entrusts, and is responsible for it.</summary>
public sealed class EntrustedOrganisationTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly AgencyService.AgencyServiceClient client = new(app.Channel);

    [Fact]
    public async Task The_entrusting_agency_registers_the_organisation_with_its_entrustment_and_event()
    {
        var agency = await app.RegisterAgencyAsync("龙山县城市管理和综合执法局");
        var organisation = CreditCodes.New();

        var registered = await client.RegisterEntrustedOrganisationAsync(Request(agency, organisation), TestTokens.Bearer(agency));
        var got = (await client.GetAgencyAsync(new GetAgencyRequest { CreditCode = organisation })).Agency;

        Assert.Equal(registered.Agency, got);
        Assert.Equal(AgencyKind.EntrustedOrganisation, got.Kind);
        Assert.Equal(OrganisationName, got.Name);
        Assert.Equal(agency, got.Entrustment.EntrustingAgencyCode);
        Assert.Equal("龙山县城市管理和综合执法局", got.Entrustment.EntrustingAgencyName);
        Assert.Equal(("龙城管委〔2026〕3号", "2026-01-01", "2027-12-31", 1),
            (got.Entrustment.DocumentNumber, got.Entrustment.ValidFrom, got.Entrustment.ValidTo, got.Entrustment.Version));
        // No channels given: the entrusting agency's (its decisions are the agency's).
        Assert.Equal("龙山县人民政府", Assert.Single(got.RemedyChannels).Body);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @organisation AND event_type = 'AgencyRegistered' AND body LIKE @entrusting",
            new { organisation, entrusting = $"%\"entrustingAgencyCode\":\"{agency}\"%" }));
    }

    [Fact]
    public async Task Another_agency_may_not_register_an_organisation_in_the_entrusting_agencys_name()
    {
        var agency = await app.RegisterAgencyAsync();
        var other = await app.RegisterAgencyAsync();
        var organisation = CreditCodes.New();

        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            client.RegisterEntrustedOrganisationAsync(Request(agency, organisation), TestTokens.Bearer(other)).ResponseAsync);
        // Nor may the organisation register itself.
        var itself = await Assert.ThrowsAsync<RpcException>(() =>
            client.RegisterEntrustedOrganisationAsync(Request(agency, organisation), TestTokens.Bearer(organisation)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, itself.StatusCode);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM agencies WHERE credit_code = @organisation", new { organisation }));
    }

    [Fact]
    public async Task An_unknown_entrusting_agency_is_refused_with_its_rule()
    {
        var unknown = CreditCodes.New();
        var organisation = CreditCodes.New();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.RegisterEntrustedOrganisationAsync(Request(unknown, organisation), TestTokens.Bearer(unknown, Roles.CountyAdmin)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("entrusting-agency-unknown", RuleOf(refused));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM entrustments WHERE entrusted_code = @organisation", new { organisation }));
    }

    [Fact]
    public async Task An_entrusted_organisation_may_not_entrust_on()
    {
        var (_, organisation) = await EntrustAsync(app);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.RegisterEntrustedOrganisationAsync(Request(organisation, CreditCodes.New()), TestTokens.Bearer(organisation)).ResponseAsync);

        Assert.Equal("entrusting-agency-is-entrusted", RuleOf(refused));
    }

    [Fact]
    public async Task Entrusted_power_items_must_be_in_force_on_the_entrusting_agencys_list()
    {
        var agency = await app.RegisterAgencyAsync();
        var request = Request(agency, CreditCodes.New());
        request.PowerItemCodes.Add("CF-9999");

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.RegisterEntrustedOrganisationAsync(request, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal("entrusted-power-item-unknown", RuleOf(refused));
        Assert.Equal("CF-9999", refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0].Subject);
    }

    [Fact]
    public async Task A_bad_request_lists_its_fields()
    {
        var agency = await app.RegisterAgencyAsync();
        var request = Request(agency, agency, from: "2026-12-31", to: "2026-01-01");
        request.Scope = "";
        request.DocumentNumber = "";

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.RegisterEntrustedOrganisationAsync(request, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(["scope", "document_number", "credit_code", "valid_to"],
            refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_renewal_by_the_entrusting_agency_adds_a_version_and_another_agency_may_not_take_the_organisation_over()
    {
        var (agency, organisation) = await EntrustAsync(app, "2025-01-01", "2025-12-31");
        var other = await app.RegisterAgencyAsync();

        var renewed = await client.RegisterEntrustedOrganisationAsync(
            Request(agency, organisation, "2026-01-01", "2028-12-31", "龙城管委〔2026〕9号"), TestTokens.Bearer(agency));
        var takeover = await Assert.ThrowsAsync<RpcException>(() =>
            client.RegisterEntrustedOrganisationAsync(Request(other, organisation), TestTokens.Bearer(other)).ResponseAsync);

        Assert.Equal(2, renewed.Agency.Entrustment.Version);
        Assert.Equal("龙城管委〔2026〕9号", (await client.GetAgencyAsync(new GetAgencyRequest { CreditCode = organisation })).Agency.Entrustment.DocumentNumber);
        Assert.Equal("entrusted-by-another-agency", RuleOf(takeover));
        // One registration event: the renewal raises none.
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @organisation", new { organisation }));
    }

    [Fact]
    public async Task A_registered_enforcement_body_cannot_become_an_entrusted_organisation()
    {
        var agency = await app.RegisterAgencyAsync();
        var body = await app.RegisterAgencyAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.RegisterEntrustedOrganisationAsync(Request(agency, body), TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, refused.StatusCode);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM entrustments WHERE entrusted_code = @body", new { body }));
    }

    internal static string RuleOf(RpcException refused) => refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0].Type;
}
