using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Agencies;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Decisions.DecisionData;

namespace Longshan.Publicity.Tests.Portal;

/// <summary>
/// 执法主体公示 (seed task T2(3)) on the portal: an agency's duties, status basis and disclosure version; an entrusted
/// organisation's entrustment; a decision it made, shown in the entrusting agency's name (《行政处罚法》第二十条).
/// </summary>
public sealed class AgencyDisclosurePortalTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_citizen_reads_the_agencys_duties_status_basis_and_the_version_after_an_update()
    {
        var code = CreditCodes.New();
        var agencies = new AgencyService.AgencyServiceClient(app.Channel);
        await agencies.RegisterAgencyAsync(AgencyDisclosureTests.Request(code), TestTokens.Bearer(code));
        await agencies.UpdateAgencyDisclosureAsync(new UpdateAgencyDisclosureRequest
        {
            RequestId = Guid.NewGuid().ToString(), CreditCode = code,
            Duties = { "负责城市市容环境卫生管理的行政执法工作", "负责城市管理领域相对集中行政处罚权的行使" },
            StatusBases = { new LegalBasis { Law = "《龙山县城市管理和综合执法局职能配置、内设机构和人员编制规定》", Article = "龙编〔2026〕7号" } },
            RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府" } },
        }, TestTokens.Bearer(code));

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync($"{app.PortalAddress}/agencies/{code}");

        Assert.Equal(["负责城市市容环境卫生管理的行政执法工作", "负责城市管理领域相对集中行政处罚权的行使"], await page.Locator("#duties li").AllInnerTextsAsync());
        Assert.Equal(["《龙山县城市管理和综合执法局职能配置、内设机构和人员编制规定》 龙编〔2026〕7号"], await page.Locator("#status-bases li").AllInnerTextsAsync());
        Assert.Equal("第 2 版，2026-11-27 更新", await page.InnerTextAsync("#disclosure-version"));
        Assert.Equal(0, await page.Locator("#entrustment").CountAsync());
    }

    [Fact]
    public async Task A_citizen_sees_in_whose_name_an_entrusted_organisation_acts_and_its_decision_under_that_agency()
    {
        var (agency, organisation) = await EntrustedData.EntrustAsync(app);
        var decisions = new DecisionService.DecisionServiceClient(app.Channel);
        var id = (await decisions.RegisterDecisionAsync(Penalty(organisation), TestTokens.Bearer(organisation))).Decision.DecisionId;
        await decisions.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency));

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync($"{app.PortalAddress}/agencies/{organisation}");
        var entrustment = await page.InnerTextAsync("#entrustment");
        Assert.Contains("龙山县城市管理和综合执法局", entrustment);
        Assert.Contains("龙城管委〔2026〕3号", entrustment);
        Assert.Contains("2026-01-01 至 2027-12-31（有效）", entrustment);
        Assert.Contains("华塘街道辖区内市容环境卫生方面的行政处罚", entrustment);
        Assert.Contains("依委托书实施行政执法", await page.InnerTextAsync("main"));

        await page.GotoAsync($"{app.PortalAddress}/decisions/{id}");
        Assert.Equal("受委托组织：龙山县华塘街道综合行政执法队，以龙山县城市管理和综合执法局名义",
            (await page.InnerTextAsync("#acting-organisation td")).Trim());
        Assert.Contains("龙山县城市管理和综合执法局 行政执法决定", await page.InnerTextAsync("h2"));
        await page.ClickAsync("#acting-organisation a");
        Assert.EndsWith($"/agencies/{organisation}", page.Url);
    }
}
