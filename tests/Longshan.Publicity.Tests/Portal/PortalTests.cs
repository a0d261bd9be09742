using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Support;

namespace Longshan.Publicity.Tests.Portal;

/// <summary>The public portal in a real headless browser: what a citizen sees, with no login and no JavaScript.</summary>
public sealed class PortalTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_citizen_finds_an_agency_and_its_remedy_channels()
    {
        var code = PublicityApp.NewCreditCode();
        await new AgencyService.AgencyServiceClient(app.Channel).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            RequestId = Guid.NewGuid().ToString(), CreditCode = code, Name = "龙山县应急管理局", Kind = AgencyKind.CountyDepartment,
            RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府", Contact = "0743-6220000" } },
        }, PublicityApp.Bearer(code, Roles.CountyAdmin));

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync(app.PortalAddress + "/agencies");
        await page.ClickAsync("text=龙山县应急管理局");

        Assert.EndsWith($"/agencies/{code}", page.Url);
        Assert.Equal("龙山县应急管理局 - 龙山县行政执法公示平台", await page.TitleAsync());
        Assert.Contains("行政复议", await page.InnerTextAsync("main"));
        Assert.Contains("龙山县人民政府", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task An_unknown_agency_is_not_found()
    {
        var page = await app.Browser.NewPageAsync();
        var response = await page.GotoAsync(app.PortalAddress + "/agencies/" + PublicityApp.NewCreditCode());
        Assert.Equal(404, response!.Status);
    }
}
