using Microsoft.Extensions.Configuration;

namespace Longshan.Platform.Legal;

/// <summary>
/// 处罚种类的轻重 — which penalty kind of a decision is the most severe. The annual statistics count a decision that
/// imposes several kinds once, under its most severe kind (DOMAIN.md, Statistics). Published rules order the kinds
/// differently (黄石 ranks 吊销许可证件 below 限制开展生产经营活动; 大同 ranks it above 责令关闭 / 限制从业), so the
/// order is configuration: <c>Statistics:SeverityOrder</c>, a list of the 13 named kinds' storage names (the kebab-case
/// names of the events), least → most severe, each exactly once. Absent or empty: <see cref="DefaultOrder"/>.
/// Whatever the configuration: <c>other</c> (其他, APL art. 9(6)) ranks below every named kind (a named kind beats
/// 其他), and the legacy combined <c>confiscation</c> (没收违法所得、没收非法财物) ranks where
/// <c>confiscation-of-illegal-property</c> ranks (the precise kind is named on a tie).
/// Read once at start-up by <c>AddLongshanService</c>, one singleton per service, so every service counts alike.
/// </summary>
public sealed class PenaltySeverity
{
    /// <summary>The configuration key of the list.</summary>
    public const string Section = "Statistics:SeverityOrder";

    /// <summary>其他 — a penalty set by another law or administrative regulation (APL art. 9(6)); never in the configured list.</summary>
    public const string Other = "other";

    /// <summary>Legacy 没收违法所得、没收非法财物 combined; never in the configured list.</summary>
    public const string LegacyConfiscation = "confiscation";

    /// <summary>没收非法财物 — the rank the legacy <see cref="LegacyConfiscation"/> takes.</summary>
    public const string ConfiscationOfIllegalProperty = "confiscation-of-illegal-property";

    /// <summary>DOMAIN.md's default, least → most severe.</summary>
    public static IReadOnlyList<string> DefaultOrder { get; } =
    [
        "warning",                          // 警告
        "public-criticism",                 // 通报批评
        "fine",                             // 罚款
        "confiscation-of-illegal-gains",    // 没收违法所得
        ConfiscationOfIllegalProperty,      // 没收非法财物
        "permit-suspension",                // 暂扣许可证件
        "qualification-downgrade",          // 降低资质等级
        "business-restriction",             // 限制开展生产经营活动
        "suspension-order",                 // 责令停产停业
        "closure-order",                    // 责令关闭
        "practice-restriction",             // 限制从业
        "permit-revocation",                // 吊销许可证件
        "administrative-detention",         // 行政拘留
    ];

    /// <summary>Every name <see cref="MostSevere"/> accepts: the named kinds, <see cref="Other"/> and <see cref="LegacyConfiscation"/>.</summary>
    public static IReadOnlyList<string> KnownKinds { get; } = [.. DefaultOrder, Other, LegacyConfiscation];

    public static PenaltySeverity Default { get; } = new(DefaultOrder);

    readonly Dictionary<string, int> ranks;

    /// <param name="order">The storage names of the 13 named kinds, least → most severe, each exactly once.</param>
    /// <exception cref="ArgumentException">A name is unknown, fixed (<c>other</c>, <c>confiscation</c>), repeated or missing.</exception>
    public PenaltySeverity(IEnumerable<string> order)
    {
        var names = order.Select(n => n?.Trim() ?? "").ToList();
        var problems = new List<string>();
        var unknown = names.Where(n => !DefaultOrder.Contains(n) && n is not (Other or LegacyConfiscation)).Distinct().ToList();
        if (unknown.Count > 0)
            problems.Add($"unknown kind(s) {Quote(unknown)}");
        if (names.Contains(Other))
            problems.Add($"'{Other}' is not configurable: it always ranks below every named kind");
        if (names.Contains(LegacyConfiscation))
            problems.Add($"'{LegacyConfiscation}' (legacy) is not configurable: it ranks where '{ConfiscationOfIllegalProperty}' ranks");
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
            problems.Add($"listed more than once: {Quote(repeated)}");
        var missing = DefaultOrder.Except(names).ToList();
        if (missing.Count > 0)
            problems.Add($"missing (every named kind needs a rank): {Quote(missing)}");
        if (problems.Count > 0)
            throw new ArgumentException(
                $"{Section} must list each of the 13 named penalty kinds exactly once, least to most severe ({string.Join(", ", DefaultOrder)}); "
                + string.Join("; ", problems) + ".", nameof(order));

        Order = names;
        ranks = names.Select((name, rank) => (name, rank)).ToDictionary(x => x.name, x => x.rank, StringComparer.Ordinal);
        ranks[Other] = -1;
        ranks[LegacyConfiscation] = ranks[ConfiscationOfIllegalProperty];
    }

    /// <summary>The named kinds, least → most severe.</summary>
    public IReadOnlyList<string> Order { get; }

    /// <summary>
    /// The order of <see cref="Section"/>; <see cref="Default"/> when the section is absent or empty.
    /// </summary>
    /// <exception cref="InvalidOperationException">The section is a single value, not a list.</exception>
    /// <exception cref="ArgumentException">The list is invalid (see the constructor).</exception>
    public static PenaltySeverity FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (!string.IsNullOrWhiteSpace(section.Value))
            throw new InvalidOperationException(
                $"{Section} must be a list of penalty kinds (least to most severe), not the single value '{section.Value}'.");
        var order = section.Get<string[]>();
        return order is null || order.Length == 0 ? Default : new PenaltySeverity(order);
    }

    /// <summary>The rank of a kind: 0 for the least severe named kind; −1 for <c>other</c>.</summary>
    /// <exception cref="ArgumentException">The name is not a penalty kind.</exception>
    public int Rank(string kind) =>
        ranks.TryGetValue(kind, out var rank)
            ? rank
            : throw new ArgumentException($"'{kind}' is not a penalty kind; known: {string.Join(", ", KnownKinds)}.", nameof(kind));

    /// <summary>
    /// The most severe of <paramref name="kinds"/> (storage names); null when there are none. Pure.
    /// A named kind beats <c>other</c>; on the tie of <c>confiscation</c> (legacy) and
    /// <c>confiscation-of-illegal-property</c> the precise kind is returned.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not a penalty kind.</exception>
    public string? MostSevere(IEnumerable<string> kinds)
    {
        string? most = null;
        var mostKey = int.MinValue;
        foreach (var kind in kinds)
        {
            // Twice the rank, plus one for a precise kind: the legacy kind loses the tie with the one it ranks as.
            var key = 2 * Rank(kind) + (kind == LegacyConfiscation ? 0 : 1);
            if (key > mostKey) (most, mostKey) = (kind, key);
        }
        return most;
    }

    static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
