using Longshan.Contracts.LegalReview.V1;
using Longshan.Platform.Grpc;
using Longshan.Platform.Legal;

namespace Longshan.LegalReview.Discretion;

/// <summary>
/// 行政裁量权基准 (《行政处罚法》第三十四条; T18): tiers listed least → most severe, each with the circumstances that
/// place a case in it and its ranges; one tier is the default (一般). Pure: no clock, no I/O.
/// </summary>
public static class DiscretionBenchmarks
{
    public const int MaxTiers = 10;

    public static FieldViolations Validate(FieldViolations v, IReadOnlyList<DiscretionTier> tiers)
    {
        if (tiers.Count == 0) return v.Add("tiers", "至少 1 档 / at least one tier");
        if (tiers.Count > MaxTiers) return v.Add("tiers", $"至多 {MaxTiers} 档 / at most {MaxTiers} tiers");
        if (tiers.Count(t => t.IsDefault) != 1) v.Add("tiers", "须恰有一档为默认档 / exactly one tier is the default");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var circumstances = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var at = $"tiers[{i}]";
            v.Required($"{at}.name", tier.Name).MaxLength($"{at}.name", tier.Name, 20);
            if (!string.IsNullOrWhiteSpace(tier.Name) && !names.Add(tier.Name.Trim())) v.Add($"{at}.name", "档次名称重复 / tier name repeated");
            if (tier.FineMinFen < 0 || tier.FineMaxFen < tier.FineMinFen)
                v.Add($"{at}.fine_max_fen", "罚款幅度须 0 ≤ 下限 ≤ 上限 / the fine range needs 0 ≤ min ≤ max");
            if (tier.OtherPenalties.Any(p => !PenaltySeverity.KnownKinds.Contains(p))) v.Add($"{at}.other_penalties", "未知的处罚种类 / unknown penalty kind");
            if (tier.Circumstances.Count > 50 || tier.Circumstances.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > 60))
                v.Add($"{at}.circumstances", "至多 50 项，每项 1–60 字符 / at most 50 entries of 1–60 characters");
            else if (tier.Circumstances.Any(c => !circumstances.Add(c.Trim())))
                v.Add($"{at}.circumstances", "同一情形只能属于一档 / a circumstance belongs to one tier only");
        }
        return v;
    }

    /// <summary>
    /// The tier for the case's circumstances: the tier with the most matching circumstances; on a tie the more severe
    /// tier (later in the list) [local rule]; none matched → the default tier. Returns the tier, the rule that chose
    /// it and the circumstances no tier lists.
    /// </summary>
    public static SuggestDiscretionResponse Suggest(DiscretionBenchmark benchmark, IEnumerable<string> circumstances)
    {
        var given = circumstances.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var known = benchmark.Tiers.SelectMany(t => t.Circumstances).ToHashSet(StringComparer.Ordinal);
        var scored = benchmark.Tiers.Select((tier, index) => (tier, index, matched: tier.Circumstances.Where(given.Contains).ToList())).ToList();
        var best = scored.Where(s => s.matched.Count > 0).OrderByDescending(s => s.matched.Count).ThenByDescending(s => s.index).FirstOrDefault();
        var response = new SuggestDiscretionResponse { BenchmarkVersion = benchmark.Version, UnknownCircumstances = { given.Where(c => !known.Contains(c)) } };
        if (best.tier is null)
        {
            response.Tier = benchmark.Tiers.Single(t => t.IsDefault);
            response.Rule = $"未匹配任何情形，适用默认档“{response.Tier.Name}” / no circumstance matched: the default tier";
        }
        else
        {
            response.Tier = best.tier;
            var tie = scored.Count(s => s.matched.Count == best.matched.Count) > 1;
            response.Rule = $"匹配“{best.tier.Name}”档情形 {best.matched.Count} 项：{string.Join("、", best.matched)}"
                            + (tie ? "；匹配数相同时取较重一档 / on a tie the more severe tier" : "")
                            + $" / {best.matched.Count} circumstance(s) of tier {best.tier.Name} matched";
        }
        return response;
    }
}
