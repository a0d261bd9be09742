using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Agencies.EntrustedData;
using static Longshan.Publicity.Tests.Decisions.DecisionData;

namespace Longshan.Publicity.Tests.Agencies;

/// <summary>
/// 《行政处罚法》第二十条: an entrusted organisation decides in the entrusting agency's name — its decisions are registered,
/// published and evented under the agency, with the organisation shown as the acting one.
/// </summary>
public sealed class EntrustedDecisionTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly DecisionService.DecisionServiceClient decisions = new(app.Channel);

    [Fact]
    public async Task A_decision_of_the_organisation_is_registered_and_published_under_the_entrusting_agency()
    {
        var (agency, organisation) = await EntrustAsync(app);

        var registered = (await decisions.RegisterDecisionAsync(Penalty(organisation), TestTokens.Bearer(organisation))).Decision;
        await decisions.PublishDecisionAsync(Publish(registered.DecisionId), TestTokens.Bearer(agency));
        var got = (await decisions.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = registered.DecisionId })).Decision;
        var byAgency = await decisions.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { AgencyCode = agency });
        var byOrganisation = await decisions.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { AgencyCode = organisation });

        Assert.Equal((agency, organisation), (registered.AgencyCode, registered.ActingOrganisationCode));
        Assert.Equal((agency, "龙山县城市管理和综合执法局"), (got.AgencyCode, got.AgencyName));
        Assert.Equal((organisation, OrganisationName), (got.ActingOrganisationCode, got.ActingOrganisationName));
        Assert.Equal(registered.DecisionId, Assert.Single(byAgency.Decisions).DecisionId);
        Assert.Empty(byOrganisation.Decisions);
        // The events are the entrusting agency's; the registration names the acting organisation.
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @organisation AND event_type <> 'AgencyRegistered'", new { organisation }));
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'DecisionRegistered' AND body LIKE @acting",
            new { agency, acting = $"%\"actingOrganisationCode\":\"{organisation}\"%" }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'DecisionPublished'", new { agency }));
    }

    [Fact]
    public async Task A_decision_of_the_agency_itself_names_no_acting_organisation()
    {
        var (agency, _) = await EntrustAsync(app);

        var registered = (await decisions.RegisterDecisionAsync(Penalty(agency), TestTokens.Bearer(agency))).Decision;

        Assert.Equal((agency, ""), (registered.AgencyCode, registered.ActingOrganisationCode));
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'DecisionRegistered' AND body LIKE '%\"actingOrganisationCode\":null%'", new { agency }));
    }

    [Fact]
    public async Task A_decision_dated_outside_the_entrustment_is_refused_and_a_renewal_covers_it()
    {
        var (agency, organisation) = await EntrustAsync(app, "2026-03-01", "2026-06-30");

        var expired = await FailsAsync(decisions.RegisterDecisionAsync(Penalty(organisation, "2026-11-20"), TestTokens.Bearer(organisation)));
        var within = (await decisions.RegisterDecisionAsync(Penalty(organisation, "2026-05-10"), TestTokens.Bearer(organisation))).Decision;
        await new AgencyService.AgencyServiceClient(app.Channel).RegisterEntrustedOrganisationAsync(
            Request(agency, organisation, "2026-07-01", "2027-06-30", "龙城管委〔2026〕11号"), TestTokens.Bearer(agency));
        var renewed = (await decisions.RegisterDecisionAsync(Penalty(organisation, "2026-11-20"), TestTokens.Bearer(organisation))).Decision;
        var before = await FailsAsync(decisions.RegisterDecisionAsync(Penalty(organisation, "2026-02-10"), TestTokens.Bearer(organisation)));

        Assert.Equal(StatusCode.FailedPrecondition, expired.StatusCode);
        Assert.Equal("entrustment-not-in-force", EntrustedOrganisationTests.RuleOf(expired));
        Assert.Equal("entrustment-not-in-force", EntrustedOrganisationTests.RuleOf(before));
        Assert.Equal(agency, within.AgencyCode);
        Assert.Equal(agency, renewed.AgencyCode);
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE acting_organisation_code = @organisation", new { organisation }));
    }

    [Fact]
    public async Task The_organisation_writes_neither_for_a_third_agency_nor_directly_for_the_entrusting_one()
    {
        var (agency, organisation) = await EntrustAsync(app);
        var third = await app.RegisterAgencyAsync();

        var forThird = await FailsAsync(decisions.RegisterDecisionAsync(Penalty(third), TestTokens.Bearer(organisation)));
        var forAgency = await FailsAsync(decisions.RegisterDecisionAsync(Penalty(agency), TestTokens.Bearer(organisation)));

        Assert.Equal(StatusCode.PermissionDenied, forThird.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, forAgency.StatusCode);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE agency_code IN (@agency, @third)", new { agency, third }));
    }

    [Fact]
    public async Task Publishing_correcting_and_withdrawing_stay_with_the_entrusting_agency()
    {
        var (agency, organisation) = await EntrustAsync(app);
        var own = (await decisions.RegisterDecisionAsync(Penalty(organisation), TestTokens.Bearer(organisation))).Decision.DecisionId;
        var agencys = (await decisions.RegisterDecisionAsync(Penalty(agency), TestTokens.Bearer(agency))).Decision.DecisionId;

        var publishOwn = await FailsAsync(decisions.PublishDecisionAsync(Publish(own), TestTokens.Bearer(organisation)));
        var publishAgencys = await FailsAsync(decisions.PublishDecisionAsync(Publish(agencys), TestTokens.Bearer(organisation)));
        var withdraw = await FailsAsync(decisions.WithdrawDecisionAsync(new WithdrawDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), DecisionId = agencys, Kind = RevocationKind.Revoked, RevocationDate = "2026-11-27", Reason = "复议撤销",
        }, TestTokens.Bearer(organisation)));

        Assert.Equal(StatusCode.PermissionDenied, publishOwn.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, publishAgencys.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, withdraw.StatusCode);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE agency_code = @agency", new { agency }));
    }

    [Fact]
    public async Task A_case_number_is_unique_under_the_entrusting_agency()
    {
        var (agency, organisation) = await EntrustAsync(app);
        await decisions.RegisterDecisionAsync(Penalty(agency, caseNumber: "龙城管罚〔2026〕1号"), TestTokens.Bearer(agency));

        var refused = await FailsAsync(decisions.RegisterDecisionAsync(Penalty(organisation, caseNumber: "龙城管罚〔2026〕1号"), TestTokens.Bearer(organisation)));

        Assert.Equal(StatusCode.AlreadyExists, refused.StatusCode);
    }

    [Fact]
    public async Task The_county_administrator_registers_for_the_organisation_under_the_same_rule()
    {
        var (agency, organisation) = await EntrustAsync(app, "2026-01-01", "2026-03-31");

        var expired = await FailsAsync(decisions.RegisterDecisionAsync(Penalty(organisation), TestTokens.Bearer(organisation, Roles.CountyAdmin)));
        var within = (await decisions.RegisterDecisionAsync(Penalty(organisation, "2026-02-02"), TestTokens.Bearer(organisation, Roles.CountyAdmin))).Decision;

        Assert.Equal("entrustment-not-in-force", EntrustedOrganisationTests.RuleOf(expired));
        Assert.Equal(agency, within.AgencyCode);
    }
}
