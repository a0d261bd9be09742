using Longshan.Contracts.Events.LegalReview;
using Longshan.Publicity.Tests.Support;

namespace Longshan.Publicity.Tests.Portal;

/// <summary>
/// 重大执法决定目录清单 (T12) on the agency's portal page: the catalog in force — the county base and the agency's
/// extension, each the highest version LegalReview published, whatever the order they arrive in — with each item's
/// threshold or condition, source and version. Its own app: the county catalog is shared by every agency of an app.
/// </summary>
public sealed class MajorDecisionCatalogPortalTests(PortalApp app) : IClassFixture<PortalApp>
{
    static readonly string Bureau = CreditCodes.New(); // 县司法局, publisher of the county base

    [Fact]
    public async Task An_agency_page_shows_the_catalog_in_force_with_thresholds_sources_and_versions_whatever_the_arrival_order()
    {
        var agency = await app.RegisterAgencyAsync("龙山县市场监督管理局");
        var other = await app.RegisterAgencyAsync("龙山县交通运输局");
        var page = await app.Browser.NewPageAsync(new() { JavaScriptEnabled = false });

        // Nothing published yet: the page says the defaults apply and lists nothing.
        await page.GotoAsync($"{app.PortalAddress}/agencies/{agency}");
        var before = await page.InnerTextAsync("#major-decision-catalog");
        Assert.Contains("尚未公布", before);
        Assert.Contains("默认目录", before);
        Assert.Equal(0, await page.Locator("#catalog-items").CountAsync());

        // County v2 arrives before v1; the agency's extension v2 before v1; another agency's extension too.
        MajorDecisionCatalogPublished[] events =
        [
            County(2, "依据省司法厅新标准调整罚款数额", Fine("F-02", "organisation", 5_000_000, inclusive: true), Kind("P-01", "permit-revocation")),
            County(1, "首次公布", Fine("F-02", "organisation", 10_000_000, inclusive: true)),
            Extension(agency, 2, "增加食品安全事项", Action("M-01", "business-stopping-seizure"), Fine("M-02", "natural-person", 500_000, inclusive: false)),
            Extension(agency, 1, "首次公布", Action("M-09", "auction-seized-goods")),
            Extension(other, 1, "首次公布", Action("T-01", "permit-refusal")),
        ];
        // As LegalReview's broker user (the app runs on Kestrel, started by its constructor).
        var legalReview = (await SharedBroker.Node.Value).ConnectionStringAs("legalreview", app.VirtualHost);
        foreach (var e in events) await BrokerPublisher.PublishAsync(legalReview, e);
        await Eventually.HoldsAsync(async () =>
        {
            foreach (var e in events)
                if (await app.CountAsync("SELECT COUNT(*) FROM inbox_messages WHERE event_id = @id", new { id = e.EventId.ToString() }) == 0) return false;
            return true;
        }, "every catalog event is handled");

        await page.GotoAsync($"{app.PortalAddress}/agencies/{agency}");
        var rows = await page.Locator("#catalog-items tbody tr").AllInnerTextsAsync();
        var text = await page.InnerTextAsync("#major-decision-catalog");

        Assert.DoesNotContain("尚未公布", text);
        Assert.Equal(4, rows.Count);
        Assert.Contains("罚款：法人或其他组织 ≥ 50,000.00 元", rows[0]);
        Assert.Contains("县司法局目录清单", rows[0]);
        Assert.Contains("县级基础目录 第 2 版", rows[0]);
        Assert.Contains("处罚种类：吊销许可证件", rows[1]);
        Assert.Contains("事项：查封经营场所致停止经营", rows[2]);
        Assert.Contains("本机关补充目录 第 2 版", rows[2]);
        Assert.Contains("罚款：自然人 > 5,000.00 元", rows[3]);
        Assert.Contains("依据省司法厅新标准调整罚款数额", text);
        Assert.Contains("增加食品安全事项", text);
        Assert.DoesNotContain("100,000.00", text); // county v1, superseded
        Assert.DoesNotContain("M-09", text);        // the agency's v1, superseded
        Assert.DoesNotContain("T-01", text);        // another agency's extension

        // The other agency sees the county base and its own extension only.
        await page.GotoAsync($"{app.PortalAddress}/agencies/{other}");
        var otherRows = await page.Locator("#catalog-items tbody tr").AllInnerTextsAsync();
        Assert.Equal(3, otherRows.Count);
        Assert.Contains("事项：不予行政许可", otherRows[2]);
        Assert.Contains("本机关补充目录 第 1 版", otherRows[2]);
    }

    MajorDecisionCatalogPublished County(int version, string reason, params MajorDecisionCatalogItem[] items) =>
        Catalog(Bureau, "county", version, reason, items);

    MajorDecisionCatalogPublished Extension(string agency, int version, string reason, params MajorDecisionCatalogItem[] items) =>
        Catalog(agency, "agency", version, reason, items);

    MajorDecisionCatalogPublished Catalog(string agency, string scope, int version, string reason, MajorDecisionCatalogItem[] items) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = app.Clock.GetUtcNow(), AgencyCode = agency, Scope = scope, Version = version, Reason = reason, Items = items,
    };

    static MajorDecisionCatalogItem Fine(string code, string party, long fen, bool inclusive) =>
        new(code, "fine-threshold", "较大数额罚款", "县司法局目录清单", null, party, fen, inclusive, null);

    static MajorDecisionCatalogItem Kind(string code, string kind) =>
        new(code, "penalty-kind", "吊销许可证件", "《行政处罚法》第六十三条第一款第三项", kind, null, null, null, null);

    static MajorDecisionCatalogItem Action(string code, string action) =>
        new(code, "decision-action", "重大行政强制", "国办发〔2018〕118号", null, null, null, null, action);
}
