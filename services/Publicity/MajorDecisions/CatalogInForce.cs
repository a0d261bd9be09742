using System.Globalization;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Publicity.Decisions;

namespace Longshan.Publicity.MajorDecisions;

/// <summary>One catalog item as the portal shows it: what, the threshold or condition, its legal source, and which catalog version.</summary>
public sealed record CatalogEntry(string Code, string Description, string Condition, string LegalSource, string Source);

/// <summary>
/// 重大执法决定目录清单 in force for an agency (T12): the county base catalog and the agency's own extension — a decision is
/// major when any item of either matches (《行政处罚法》第五十八条). Pure: text for the portal, no I/O.
/// </summary>
public static class CatalogInForce
{
    /// <summary>The county's items first, then the agency's, each with its source and version.</summary>
    public static IReadOnlyList<CatalogEntry> Entries(PublishedCatalog? county, PublishedCatalog? extension) =>
    [
        .. (county?.Items ?? []).Select(i => Entry(i, $"县级基础目录 第 {county!.Version} 版")),
        .. (extension?.Items ?? []).Select(i => Entry(i, $"本机关补充目录 第 {extension!.Version} 版")),
    ];

    static CatalogEntry Entry(MajorDecisionCatalogItem item, string source) =>
        new(item.Code, item.Description, Condition(item), item.LegalSource, source);

    /// <summary>The item's threshold or condition in Chinese, e.g. "罚款：法人或其他组织 ≥ 100,000.00 元".</summary>
    public static string Condition(MajorDecisionCatalogItem item) => item.Kind switch
    {
        "penalty-kind" => "处罚种类：" + (PenaltyKinds.FromName(item.PenaltyKind) is { } kind ? PenaltyKinds.Chinese(kind) : item.PenaltyKind ?? "—"),
        "fine-threshold" => "罚款：" + Threshold(item),
        "confiscation-threshold" => "没收违法所得、非法财物：" + Threshold(item),
        "hearing-held" => "经过听证程序",
        "complex-case" => "案件情况疑难复杂、涉及多个法律关系",
        "major-public-interest" => "涉及重大公共利益",
        "decision-action" => "事项：" + Action(item.Action),
        _ => item.Kind,
    };

    /// <summary>Party kind, ≥ (the amount itself counts) or &gt; (only above it), amount in yuan.</summary>
    static string Threshold(MajorDecisionCatalogItem item)
    {
        var party = item.PartyKind switch { "natural-person" => "自然人", "organisation" => "法人或其他组织", _ => item.PartyKind ?? "—" };
        var comparison = item.Inclusive == false ? ">" : "≥";
        var amount = ((item.AmountFen ?? 0) / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
        return $"{party} {comparison} {amount} 元";
    }

    static string Action(string? action) => action switch
    {
        "permit-refusal" => "不予行政许可",
        "permit-revocation" => "撤销、吊销行政许可",
        "auction-seized-goods" => "拍卖查封、扣押的财物",
        "business-stopping-seizure" => "查封经营场所致停止经营",
        null or "" => "—",
        _ => action,
    };
}
