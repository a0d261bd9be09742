using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Officers.OfficerTestData;
using static Longshan.Publicity.Tests.ServiceWindows.ServiceWindowTestData;

namespace Longshan.Publicity.Tests.ServiceWindows;

/// <summary>岗位信息公示牌 on the portal (T3(3)): a citizen follows the agency page's link to the boards of its windows.</summary>
public sealed class ServiceWindowPortalTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_citizen_reads_the_board_of_each_window_with_todays_staff_and_the_supervision_phone()
    {
        var agency = await RegisterAgencyAsync(app, "龙山县行政审批服务局");
        var officer = await IssueAsync(app, agency, "李四");
        var client = new Longshan.Contracts.Publicity.V1.ServiceWindowService.ServiceWindowServiceClient(app.Channel);
        var three = await RegisterAsync(app, agency, "3");
        await RegisterAsync(app, agency, "10", "不动产登记窗口");
        await client.SetWindowDutyAsync(Duty(agency, three.WindowId, Staff(app, "张三", "受理岗", "LS-0012"), Staff(app, "王五", "受理岗", "LS-0013", toDays: -1)),
            TestTokens.Bearer(agency));
        await client.SetWindowDutyAsync(Duty(agency, three.WindowId,
            Staff(app, "张三", "受理岗", "LS-0012"), Staff(app, "李四", "首席代表", certificate: officer.Certificate.Number)), TestTokens.Bearer(agency));

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync($"{app.PortalAddress}/agencies/{agency}");
        await page.ClickAsync("#service-windows");

        Assert.EndsWith($"/agencies/{agency}/windows", page.Url);
        var headings = await page.Locator("section.window-board h3").AllInnerTextsAsync();
        Assert.Equal(["3号窗口 · 市场主体登记窗口", "10号窗口 · 不动产登记窗口"], headings);
        var board = await page.InnerTextAsync("#window-3");
        Assert.Contains("企业设立登记、食品经营许可", board);
        Assert.Contains("0743-6221234", board);
        var rows = await page.Locator("#window-3 table.on-duty tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains("受理岗\t张三\tLS-0012", rows[0]);
        Assert.Contains("首席代表\t李四", rows[1]);
        Assert.DoesNotContain("王五", await page.InnerTextAsync("main"));
        Assert.Contains("暂无公示的在岗人员", await page.InnerTextAsync("#window-10"));

        await page.ClickAsync($"text={officer.Certificate.Number}");
        Assert.Contains("有效", await page.InnerTextAsync("#certificate"));
    }
}
