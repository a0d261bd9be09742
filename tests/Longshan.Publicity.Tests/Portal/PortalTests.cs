using System.Text.RegularExpressions;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Decisions;
using Longshan.Publicity.Tests.Officers;
using Longshan.Publicity.Tests.PowerList;
using Longshan.Publicity.Tests.Support;
using Microsoft.Playwright;

namespace Longshan.Publicity.Tests.Portal;

/// <summary>The public portal in a real headless browser: what a citizen sees, with no login and no JavaScript.</summary>
public sealed class PortalTests(PortalApp app) : IClassFixture<PortalApp>
{
    [Fact]
    public async Task A_citizen_finds_an_agency_and_its_remedy_channels()
    {
        var code = CreditCodes.New();
        await new AgencyService.AgencyServiceClient(app.Channel).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            RequestId = Guid.NewGuid().ToString(), CreditCode = code, Name = "龙山县应急管理局", Kind = AgencyKind.CountyDepartment,
            RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府", Contact = "0743-6220000" } },
            Duties = { "依法查处本行政区域内的违法行为" },
            StatusBases = { new LegalBasis { Law = "《龙山县人民政府机构改革方案》", Article = "龙发〔2019〕5号" } },
        }, TestTokens.Bearer(code, Roles.CountyAdmin));

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync(app.PortalAddress + "/agencies");
        await page.ClickAsync("text=龙山县应急管理局");

        Assert.EndsWith($"/agencies/{code}", page.Url);
        Assert.Equal("龙山县应急管理局 - 龙山县行政执法公示平台", await page.TitleAsync());
        Assert.Contains("行政复议", await page.InnerTextAsync("main"));
        Assert.Contains("龙山县人民政府", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task A_citizen_reads_an_enforcement_item_with_its_flowchart_service_guide_and_history()
    {
        var agency = await PowerItems.RegisterAgencyAsync(app);
        var client = new PowerListService.PowerListServiceClient(app.Channel);
        var content = PowerItems.Content("XK-0101", PowerCategory.Permit);
        await client.PublishItemAsync(PowerItems.Publish(agency, content), TestTokens.Bearer(agency));
        content.TimeLimitWorkingDays = 40;
        await client.PublishItemAsync(PowerItems.NewVersion(agency, content), TestTokens.Bearer(agency));

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync($"{app.PortalAddress}/agencies/{agency}");
        await page.ClickAsync("text=乡村建设规划许可");

        var steps = await page.Locator("ol.flow li strong").AllInnerTextsAsync();
        Assert.Equal(["立案", "调查取证", "决定"], steps);
        var text = await page.InnerTextAsync("main");
        Assert.Contains("40 个工作日", text);
        Assert.Contains("龙山县政务服务中心自然资源窗口", text);
        Assert.Contains("《土地管理法》2019年修正", text);
        await page.ClickAsync("text=第 1 版");
        Assert.Contains("60 个工作日", await page.InnerTextAsync("main"));
        Assert.Contains("历史版本", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task A_citizen_at_the_door_verifies_a_certificate_and_sees_a_suspension()
    {
        var agency = await OfficerTestData.RegisterAgencyAsync(app, "龙山县城市管理和综合执法局");
        var valid = await OfficerTestData.IssueAsync(app, agency, name: "李四");
        var suspended = await OfficerTestData.IssueAsync(app, agency, name: "王五");
        await new OfficerService.OfficerServiceClient(app.Channel).SuspendCertificateAsync(new SuspendCertificateRequest
        {
            RequestId = Guid.NewGuid().ToString(), CertificateNumber = suspended.Certificate.Number, Reason = "违规执法，暂扣执法证",
        }, TestTokens.Bearer(agency));

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync(app.PortalAddress + "/");
        await page.FillAsync("input[name=number]", valid.Certificate.Number.ToLowerInvariant());
        await page.ClickAsync("button:has-text('核验')");
        var certificate = await page.InnerTextAsync("#certificate");
        Assert.Contains("有效", certificate);
        Assert.Contains("李四", certificate);
        Assert.Contains("龙山县城市管理和综合执法局", certificate);

        await page.GotoAsync($"{app.PortalAddress}/officers/verify?number={suspended.Certificate.Number}");
        Assert.Contains("暂扣", await page.InnerTextAsync("#certificate"));

        await page.GotoAsync($"{app.PortalAddress}/officers/verify?number=HN000NOSUCH");
        Assert.Contains("未查询到", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task A_citizen_searches_decisions_and_no_page_shows_an_id_number_a_phone_or_a_witness()
    {
        var agency = await DecisionData.NewAgencyAsync(app, "龙山县食品药品监督检查局");
        var client = new DecisionService.DecisionServiceClient(app.Channel);
        var registered = await client.RegisterDecisionAsync(DecisionData.Penalty(agency), TestTokens.Bearer(agency));
        await client.PublishDecisionAsync(DecisionData.Publish(registered.Decision.DecisionId), TestTokens.Bearer(agency));

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        var pages = new List<string>();
        await page.GotoAsync(app.PortalAddress + "/decisions");
        await page.FillAsync("input[name=q]", "超过保质期");
        await page.FillAsync("input[name=agency]", agency);
        await page.SelectOptionAsync("select[name=category]", new SelectOptionValue { Label = "行政处罚" });
        await page.ClickAsync("button:has-text('查询')");
        pages.Add(await page.ContentAsync());
        Assert.True(await page.Locator("#decisions tbody tr").CountAsync() == 1, page.Url + "\n" + await page.InnerTextAsync("main"));
        Assert.Contains("张*", await page.InnerTextAsync("#decisions"));

        await page.ClickAsync("#decisions tbody tr a");
        pages.Add(await page.ContentAsync());
        var decision = await page.InnerTextAsync("#decision");
        Assert.Contains("超过保质期", decision);
        Assert.Contains("5,000.00 元", decision);

        foreach (var html in pages)
        {
            Assert.DoesNotContain(DecisionData.AdultId, html);
            Assert.DoesNotContain(DecisionData.Phone, html);
            Assert.DoesNotContain(DecisionData.Witness, html);
            Assert.DoesNotContain(DecisionData.HomeAddress, html);
            // Any 18-character run that is a valid resident ID number (check character and birth date); credit codes are not.
            Assert.DoesNotContain(new Regex(@"(?<!\d)\d{17}[\dX](?!\d)").Matches(html).Select(m => m.Value),
                candidate => ResidentIdNumber.TryValidate(candidate, new DateOnly(2026, 11, 27), out _));
            Assert.DoesNotMatch(new Regex(@"(?<!\d)1[3-9]\d{9}(?!\d)"), html);    // any unmasked mobile number
        }
    }

    [Fact]
    public async Task A_bad_search_shows_what_is_wrong_instead_of_failing()
    {
        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        var response = await page.GotoAsync(app.PortalAddress + "/decisions?agency=123&from=2026-12-01&to=2026-01-01");
        Assert.Equal(200, response!.Status);
        var text = await page.InnerTextAsync("main");
        Assert.Contains("agency_code", text);
        Assert.Contains("decided_to", text);
    }

    [Fact]
    public async Task A_citizen_sees_an_agencys_random_inspection_list_and_a_draw_with_its_seed_officers_and_results()
    {
        var agency = await OfficerTestData.RegisterAgencyAsync(app, "龙山县应急管理局");
        for (var i = 0; i < 3; i++) await OfficerTestData.IssueAsync(app, agency, $"检查员{i}");
        var inspections = new InspectionService.InspectionServiceClient(app.Channel);
        var token = TestTokens.Bearer(agency);
        var item = (await inspections.PublishInspectionItemAsync(new PublishInspectionItemRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, Name = "危险化学品经营单位监督检查",
            LegalBases = { new LegalBasis { Law = "《危险化学品安全管理条例》", Article = "第六条" } },
            ObjectTypes = { "危险化学品经营单位" }, Method = "现场检查", RatioBasisPoints = 1000, Frequency = "每年一次",
            EnforcementArea = "食品安全",
        }, token)).Item;
        await inspections.UpdateTargetRegisterAsync(new UpdateTargetRegisterRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, ItemId = item.ItemId,
            Add = { Enumerable.Range(1, 4).Select(i => new DrawTarget { Id = $"T{i}", Name = $"龙山县第{i}化工商店" }) },
        }, token);
        var round = (await inspections.FreezeDrawPoolAsync(new FreezeDrawPoolRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, ItemId = item.ItemId, RoundName = "2026年第9批", Count = 2,
        }, token)).Round;

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync($"{app.PortalAddress}/agencies/{agency}");
        await page.ClickAsync("#rounds a");
        Assert.Equal(4, (await page.Locator("#pool tbody tr").AllInnerTextsAsync()).Count);
        Assert.Equal(round.PoolDigest, await page.InnerTextAsync("#pool-digest"));
        Assert.Contains("尚未抽取", await page.InnerTextAsync("#draw"));

        var draw = (await inspections.RunDrawAsync(new RunDrawRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, RoundId = round.RoundId,
        }, token)).Draw;
        await inspections.PublishInspectionResultAsync(new PublishInspectionResultRequest
        {
            RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = draw.Assignments[0].TargetId,
            InspectedOn = CountyTime.Format(CountyTime.Today(app.Clock)), Outcome = "未发现问题",
        }, token);
        await inspections.PublishInspectionResultAsync(new PublishInspectionResultRequest
        {
            RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = draw.Assignments[1].TargetId,
            InspectedOn = CountyTime.Format(CountyTime.Today(app.Clock)), Outcome = Inspections.InspectionEndpointTests.OutcomeWithPersonalData,
            OtherPersonNames = { "王小明" },
        }, token);

        await page.GotoAsync($"{app.PortalAddress}/agencies/{agency}");
        Assert.Contains("危险化学品经营单位监督检查", await page.InnerTextAsync("#inspection-items"));
        await page.ClickAsync("#draws a");

        Assert.Equal(draw.Seed, await page.InnerTextAsync("#seed"));
        Assert.Contains("平台", await page.InnerTextAsync("#seed-source"));
        Assert.Equal(round.PoolDigest, await page.InnerTextAsync("#pool-digest"));
        Assert.Equal(0, await page.Locator("#redraw").CountAsync());
        var rows = await page.Locator("#assignments tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, rows.Count);
        Assert.Contains(draw.Assignments[0].TargetName, rows[0]);
        Assert.Contains("未发现问题", rows[0]);
        Assert.Contains(Inspections.InspectionEndpointTests.MaskedOutcome, rows[1]);
        Assert.DoesNotContain("王小明", await page.InnerTextAsync("main"));
        Assert.DoesNotContain("兴隆路", await page.InnerTextAsync("main"));
        Assert.Contains("检查员", rows[0]);

        var redraw = (await inspections.RunDrawAsync(new RunDrawRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, RoundId = round.RoundId, RedrawReason = "原抽取的检查人员调离",
        }, token)).Draw;
        await page.GotoAsync($"{app.PortalAddress}/inspections/rounds/{round.RoundId}");
        await page.ClickAsync("#draw a");
        Assert.Equal(redraw.Seed, await page.InnerTextAsync("#seed"));
        Assert.Contains("原抽取的检查人员调离", await page.InnerTextAsync("#redraw"));
        await page.ClickAsync("#redraw a");
        Assert.Equal(draw.Seed, await page.InnerTextAsync("#seed"));
    }

    [Fact]
    public async Task A_corrected_inspection_result_stays_on_the_draw_page_marked_corrected_beside_its_masked_correction()
    {
        var agency = await OfficerTestData.RegisterAgencyAsync(app, "龙山县卫生健康局");
        for (var i = 0; i < 2; i++) await OfficerTestData.IssueAsync(app, agency, $"检查员{i}");
        var draw = await Inspections.InspectionDrawing.DrawAsync(app, agency, 2, 1);
        var inspections = new InspectionService.InspectionServiceClient(app.Channel);
        var token = TestTokens.Bearer(agency);
        var today = CountyTime.Format(CountyTime.Today(app.Clock));
        var first = (await inspections.PublishInspectionResultAsync(new PublishInspectionResultRequest
        {
            RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = draw.Assignments[0].TargetId, InspectedOn = today, Outcome = "未发现问题",
        }, token)).Result;
        var correction = (await inspections.PublishInspectionResultAsync(new PublishInspectionResultRequest
        {
            RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = draw.Assignments[0].TargetId, InspectedOn = today,
            Outcome = Inspections.InspectionEndpointTests.OutcomeWithPersonalData, OtherPersonNames = { "王小明" },
            Corrects = first.ResultId, CorrectionReason = "原结果遗漏雇员王小明的陈述",
        }, token)).Result;

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync($"{app.PortalAddress}/inspections/draws/{draw.DrawId}");

        var original = await page.InnerTextAsync($"#result-{first.ResultId}");
        var corrected = await page.InnerTextAsync($"#result-{correction.ResultId}");
        Assert.Contains("已更正", original);
        Assert.Contains("未发现问题", original);
        Assert.Equal($"#result-{correction.ResultId}", await page.GetAttributeAsync($"#result-{first.ResultId} a.corrected-by", "href"));
        Assert.Contains("更正：原结果遗漏雇员王**的陈述", corrected);
        Assert.Contains(Inspections.InspectionEndpointTests.MaskedOutcome, corrected);
        Assert.DoesNotContain("已更正", corrected);
        Assert.Contains($"期限 {first.PublicationDeadline}", original);
        Assert.Equal(1, await page.Locator(".result.corrected").CountAsync());
        Assert.DoesNotContain("王小明", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task A_decision_withdrawn_after_its_revocation_was_recorded_shows_the_recorded_kind_and_date()
    {
        var agency = await DecisionData.NewAgencyAsync(app);
        var token = TestTokens.Bearer(agency);
        var decisions = new DecisionService.DecisionServiceClient(app.Channel);
        var id = (await decisions.RegisterDecisionAsync(DecisionData.Penalty(agency, "2026-11-16"), token)).Decision.DecisionId;
        await decisions.PublishDecisionAsync(DecisionData.Publish(id), token);
        await decisions.RecordRevocationAsync(new RecordRevocationRequest
        {
            RequestId = Guid.NewGuid().ToString(), DecisionId = id, Kind = RevocationKind.ConfirmedIllegal, RevocationDate = "2026-11-24",
        }, token);

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync($"{app.PortalAddress}/decisions/{id}");
        Assert.Equal(0, await page.Locator("#withdrawal").CountAsync()); // recorded, not yet withdrawn: still public
        await decisions.WithdrawDecisionAsync(new WithdrawDecisionRequest { RequestId = Guid.NewGuid().ToString(), DecisionId = id, Reason = "人民法院判决确认违法" }, token);
        await page.GotoAsync($"{app.PortalAddress}/decisions/{id}");

        var notice = await page.InnerTextAsync("#withdrawal");
        Assert.Contains("确认违法", notice);
        Assert.Contains("2026-11-24", notice);
        Assert.Contains("人民法院判决确认违法", notice);
    }

    [Fact]
    public async Task A_citizen_sees_a_labelled_account_and_the_legal_basis_masked_on_the_decision_page()
    {
        var agency = await DecisionData.NewAgencyAsync(app);
        var token = TestTokens.Bearer(agency);
        var decisions = new DecisionService.DecisionServiceClient(app.Channel);
        var id = (await decisions.RegisterDecisionAsync(DecisionPrivacyTests.WithAccountAndBasis(agency), token)).Decision.DecisionId;
        await decisions.PublishDecisionAsync(DecisionData.Publish(id), token);

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync($"{app.PortalAddress}/decisions/{id}");
        var text = await page.InnerTextAsync("main");

        Assert.Contains("****-****-**67-89", text);
        Assert.Contains("433130************", text);
        Assert.DoesNotContain("0023-4567", text);
        Assert.DoesNotContain(DecisionData.AdultId, text);
        Assert.DoesNotContain(DecisionData.Phone, text);
        Assert.DoesNotContain(DecisionData.Witness, text);
    }

    [Fact]
    public async Task A_citizen_sees_the_agencys_officers_with_their_certificates_and_status()
    {
        var agency = await OfficerTestData.RegisterAgencyAsync(app, "龙山县交通运输局");
        var officer = await OfficerTestData.IssueAsync(app, agency, "彭执法");

        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });
        await page.GotoAsync($"{app.PortalAddress}/agencies/{agency}");
        var row = Assert.Single(await page.Locator("#officers tbody tr").AllInnerTextsAsync());

        Assert.Contains("彭执法", row);
        Assert.Contains(officer.Certificate.Number, row);
        Assert.Contains("食品安全", row);
        Assert.Contains("有效", row);
        await page.ClickAsync($"#officers a");
        Assert.Contains("彭执法", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task An_unknown_agency_is_not_found()
    {
        var page = await app.Browser.NewPageAsync();
        var response = await page.GotoAsync(app.PortalAddress + "/agencies/" + CreditCodes.New());
        Assert.Equal(404, response!.Status);
    }
}
