using System.Globalization;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Platform.Grpc;
using Longshan.Platform.Legal;

namespace Longshan.LegalReview.Catalog;

/// <summary>
/// 重大执法决定目录清单 (T12) — what makes a decision major, as data. 《行政处罚法》第五十八条: a penalty decision is
/// major when it involves major public interest, directly affects major rights and went through a hearing, is complex
/// or involves several legal relations, or a law says so; the hearing-eligible penalties (第六十三条: large fines,
/// confiscation of large amounts, downgrading qualifications, revoking licences, suspension/closure, restricting
/// practice) are catalogued by kind and threshold. Thresholds are [local]: per party kind, ≥ or >, set by the county
/// and each agency. Pure: no clock, no I/O.
/// </summary>
public static class MajorDecisionCatalog
{
    public const int MaxItems = 200;

    /// <summary>
    /// The documented defaults (version 0 of the county base), in force until the county administrator publishes a
    /// base catalog: the hearing-eligible penalty kinds of APL art. 63, fines and confiscations of ≥ 10,000 元 for a
    /// natural person and ≥ 100,000 元 for an organisation (the 巩义 example in DOMAIN.md), hearing held, complex case,
    /// major public interest (art. 58), major permit and coercion actions (T12).
    /// </summary>
    public static IReadOnlyList<CatalogItem> Defaults { get; } =
    [
        Kind("P-01", "permit-revocation", "吊销许可证件", "《行政处罚法》第六十三条第一款第三项"),
        Kind("P-02", "qualification-downgrade", "降低资质等级", "《行政处罚法》第六十三条第一款第三项"),
        Kind("P-03", "suspension-order", "责令停产停业", "《行政处罚法》第六十三条第一款第四项"),
        Kind("P-04", "closure-order", "责令关闭", "《行政处罚法》第六十三条第一款第四项"),
        Kind("P-05", "practice-restriction", "限制从业", "《行政处罚法》第六十三条第一款第四项"),
        Kind("P-06", "business-restriction", "限制开展生产经营活动", "《行政处罚法》第六十三条第一款第四项"),
        Threshold("F-01", CatalogItemKind.FineThreshold, CatalogPartyKind.NaturalPerson, 1_000_000, "对自然人处一万元以上罚款"),
        Threshold("F-02", CatalogItemKind.FineThreshold, CatalogPartyKind.Organisation, 10_000_000, "对法人或其他组织处十万元以上罚款"),
        Threshold("C-01", CatalogItemKind.ConfiscationThreshold, CatalogPartyKind.NaturalPerson, 1_000_000, "没收自然人一万元以上违法所得、非法财物"),
        Threshold("C-02", CatalogItemKind.ConfiscationThreshold, CatalogPartyKind.Organisation, 10_000_000, "没收法人或其他组织十万元以上违法所得、非法财物"),
        Flag("G-01", CatalogItemKind.HearingHeld, "直接关系当事人重大权益，经过听证程序", "《行政处罚法》第五十八条第一款第二项"),
        Flag("G-02", CatalogItemKind.ComplexCase, "案件情况疑难复杂、涉及多个法律关系", "《行政处罚法》第五十八条第一款第三项"),
        Flag("G-03", CatalogItemKind.MajorPublicInterest, "涉及重大公共利益", "《行政处罚法》第五十八条第一款第一项"),
        Action("A-01", "permit-refusal", "经听证后不予行政许可", "国办发〔2018〕118号；T12"),
        Action("A-02", "permit-revocation", "撤销、吊销行政许可", "国办发〔2018〕118号；T12"),
        Action("A-03", "auction-seized-goods", "拍卖查封、扣押的财物", "国办发〔2018〕118号；T12"),
        Action("A-04", "business-stopping-seizure", "查封经营场所致停止经营", "国办发〔2018〕118号；T12"),
    ];

    /// <summary>Which items a draft decision matches; major when any does.</summary>
    public static ClassifyDecisionResponse Classify(IEnumerable<(CatalogItem Item, string Source)> catalog, ClassifyDecisionRequest draft)
    {
        var fines = draft.Penalties.Where(p => p.Kind == "fine").Sum(p => p.AmountFen);
        var confiscations = draft.Penalties.Where(p => p.Kind is "confiscation-of-illegal-gains" or "confiscation-of-illegal-property" or "confiscation")
            .Sum(p => p.AmountFen);
        var response = new ClassifyDecisionResponse();
        foreach (var (item, source) in catalog)
            if (Match(item, draft, fines, confiscations) is { } reason)
                response.Matched.Add(new MatchedItem { Item = item, Source = source, Reason = reason });
        response.Major = response.Matched.Count > 0;
        return response;
    }

    /// <summary>Why <paramref name="item"/> matches; null when it does not.</summary>
    static string? Match(CatalogItem item, ClassifyDecisionRequest draft, long fines, long confiscations) => item.Kind switch
    {
        CatalogItemKind.PenaltyKind => draft.Penalties.Any(p => p.Kind == item.PenaltyKind) ? $"处罚种类 / penalty kind {item.PenaltyKind}" : null,
        CatalogItemKind.FineThreshold => Above(item, draft.PartyKind, fines, "罚款 / fine"),
        CatalogItemKind.ConfiscationThreshold => Above(item, draft.PartyKind, confiscations, "没收 / confiscation"),
        CatalogItemKind.HearingHeld => draft.HearingHeld ? "经过听证 / hearing held" : null,
        CatalogItemKind.ComplexCase => draft.ComplexCase ? "疑难复杂 / complex case" : null,
        CatalogItemKind.MajorPublicInterest => draft.MajorPublicInterest ? "重大公共利益 / major public interest" : null,
        CatalogItemKind.DecisionAction => draft.Actions.Contains(item.Action) ? $"事项 / action {item.Action}" : null,
        _ => null,
    };

    /// <summary>A threshold: the same party kind, and the amount ≥ (inclusive) or > (exclusive) the threshold.</summary>
    static string? Above(CatalogItem item, CatalogPartyKind party, long amount, string what)
    {
        if (item.PartyKind != party || amount <= 0) return null;
        var hit = item.Inclusive ? amount >= item.AmountFen : amount > item.AmountFen;
        return hit ? $"{what} {Yuan(amount)} 元 {(item.Inclusive ? "≥" : ">")} {Yuan(item.AmountFen)} 元" : null;
    }

    static string Yuan(long fen) => (fen / 100m).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The items of a catalog version are complete and consistent.</summary>
    public static FieldViolations Validate(FieldViolations v, IReadOnlyList<CatalogItem> items)
    {
        if (items.Count == 0) v.Add("items", "至少 1 项 / at least one item");
        if (items.Count > MaxItems) return v.Add("items", $"至多 {MaxItems} 项 / at most {MaxItems} items");
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = $"items[{i}]";
            v.Required($"{at}.code", item.Code).MaxLength($"{at}.code", item.Code, 40)
                .Required($"{at}.description", item.Description).MaxLength($"{at}.description", item.Description, 500)
                .Required($"{at}.legal_source", item.LegalSource).MaxLength($"{at}.legal_source", item.LegalSource, 200);
            if (!string.IsNullOrWhiteSpace(item.Code) && !codes.Add(item.Code.Trim())) v.Add($"{at}.code", "编码重复 / code repeated");
            switch (item.Kind)
            {
                case CatalogItemKind.Unspecified:
                    v.Add($"{at}.kind", "必填 / required");
                    break;
                case CatalogItemKind.PenaltyKind when !PenaltySeverity.KnownKinds.Contains(item.PenaltyKind):
                    v.Add($"{at}.penalty_kind", "未知的处罚种类 / unknown penalty kind");
                    break;
                case CatalogItemKind.FineThreshold or CatalogItemKind.ConfiscationThreshold:
                    if (item.PartyKind == CatalogPartyKind.Unspecified) v.Add($"{at}.party_kind", "必填 / required");
                    if (item.AmountFen <= 0) v.Add($"{at}.amount_fen", "须大于 0 / must be above 0");
                    break;
                case CatalogItemKind.DecisionAction:
                    v.Required($"{at}.action", item.Action).MaxLength($"{at}.action", item.Action, 60);
                    break;
            }
        }
        return v;
    }

    static CatalogItem Kind(string code, string kind, string description, string source) =>
        new() { Code = code, Kind = CatalogItemKind.PenaltyKind, PenaltyKind = kind, Description = description, LegalSource = source };

    static CatalogItem Threshold(string code, CatalogItemKind kind, CatalogPartyKind party, long fen, string description) =>
        new()
        {
            Code = code, Kind = kind, PartyKind = party, AmountFen = fen, Inclusive = true, Description = description,
            LegalSource = "《行政处罚法》第六十三条第一款第一、二项；数额 [local]",
        };

    static CatalogItem Flag(string code, CatalogItemKind kind, string description, string source) =>
        new() { Code = code, Kind = kind, Description = description, LegalSource = source };

    static CatalogItem Action(string code, string action, string description, string source) =>
        new() { Code = code, Kind = CatalogItemKind.DecisionAction, Action = action, Description = description, LegalSource = source };
}
