using Longshan.Platform.Legal;
using Longshan.Publicity.Decisions;
using Microsoft.Extensions.Configuration;

namespace Longshan.UnitTests.Platform;

/// <summary>The severity order of penalty kinds (DOMAIN.md, Statistics): configuration with a default, validated at start-up.</summary>
public sealed class PenaltySeverityTests
{
    /// <summary>黄石 ranks 吊销许可证件 below 限制开展生产经营活动.</summary>
    static readonly string[] Huangshi =
    [
        "warning", "public-criticism", "fine", "confiscation-of-illegal-gains", "confiscation-of-illegal-property",
        "permit-suspension", "qualification-downgrade", "permit-revocation", "business-restriction", "suspension-order",
        "closure-order", "practice-restriction", "administrative-detention",
    ];

    static PenaltySeverity Configured(params string[] order) =>
        PenaltySeverity.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(order.Select((name, i) => new KeyValuePair<string, string?>($"{PenaltySeverity.Section}:{i}", name)))
            .Build());

    [Fact]
    public void The_default_is_DOMAIN_md_least_to_most_severe()
    {
        // 警告; 通报批评; 罚款; 没收违法所得; 没收非法财物; 暂扣许可证件; 降低资质等级; 限制开展生产经营活动; 责令停产停业;
        // 责令关闭; 限制从业; 吊销许可证件; 行政拘留.
        Assert.Equal(
            ["warning", "public-criticism", "fine", "confiscation-of-illegal-gains", "confiscation-of-illegal-property",
             "permit-suspension", "qualification-downgrade", "business-restriction", "suspension-order", "closure-order",
             "practice-restriction", "permit-revocation", "administrative-detention"],
            PenaltySeverity.Default.Order);
        Assert.Same(PenaltySeverity.Default, Configured());
    }

    [Fact]
    public void The_most_severe_kind_in_the_default_order()
    {
        var severity = PenaltySeverity.Default;

        Assert.Equal("permit-revocation", severity.MostSevere(["fine", "permit-revocation", "business-restriction", "warning"]));
        Assert.Equal("practice-restriction", severity.MostSevere(["closure-order", "practice-restriction"]));
        Assert.Equal("confiscation-of-illegal-property", severity.MostSevere(["confiscation-of-illegal-gains", "confiscation-of-illegal-property", "fine"]));
        Assert.Equal("administrative-detention", severity.MostSevere(["administrative-detention", "permit-revocation"]));
        Assert.Equal("fine", severity.MostSevere(["fine"]));
        Assert.Null(severity.MostSevere([]));
    }

    [Fact]
    public void A_named_kind_beats_other()
    {
        Assert.Equal("warning", PenaltySeverity.Default.MostSevere(["other", "warning", "other"]));
        Assert.Equal("warning", Configured(Huangshi).MostSevere(["warning", "other"]));
        Assert.Equal("other", PenaltySeverity.Default.MostSevere(["other"]));
    }

    [Fact]
    public void The_legacy_confiscation_ranks_where_confiscation_of_illegal_property_ranks()
    {
        var severity = PenaltySeverity.Default;

        Assert.Equal(severity.Rank("confiscation-of-illegal-property"), severity.Rank("confiscation"));
        Assert.Equal("confiscation", severity.MostSevere(["fine", "confiscation", "confiscation-of-illegal-gains"]));
        Assert.Equal("permit-suspension", severity.MostSevere(["confiscation", "permit-suspension"]));
        // On the tie the precise kind is named.
        Assert.Equal("confiscation-of-illegal-property", severity.MostSevere(["confiscation", "confiscation-of-illegal-property"]));
    }

    [Fact]
    public void A_configured_order_changes_the_answer()
    {
        string[] decision = ["fine", "permit-revocation", "business-restriction"];

        Assert.Equal("permit-revocation", PenaltySeverity.Default.MostSevere(decision));
        Assert.Equal("business-restriction", Configured(Huangshi).MostSevere(decision));
        Assert.Equal(Huangshi, Configured(Huangshi).Order);
    }

    [Theory]
    [InlineData("revocation", "'revocation'")]                  // a typo
    [InlineData("Fine", "'Fine'")]                              // names are exact
    [InlineData("other", "'other' is not configurable")]
    [InlineData("confiscation", "'confiscation' (legacy) is not configurable")]
    public void Unknown_or_fixed_names_are_rejected(string wrong, string message)
    {
        var order = PenaltySeverity.DefaultOrder.Append(wrong).ToArray();

        var error = Assert.Throws<ArgumentException>(() => Configured(order));
        Assert.Contains(message, error.Message);
        Assert.Contains(PenaltySeverity.Section, error.Message);
    }

    [Fact]
    public void Repeated_and_missing_names_are_rejected()
    {
        var repeated = Assert.Throws<ArgumentException>(() => new PenaltySeverity([.. PenaltySeverity.DefaultOrder, "fine"]));
        Assert.Contains("more than once: 'fine'", repeated.Message);

        var missing = Assert.Throws<ArgumentException>(() => new PenaltySeverity(PenaltySeverity.DefaultOrder.Where(n => n != "practice-restriction")));
        Assert.Contains("missing (every named kind needs a rank): 'practice-restriction'", missing.Message);
    }

    [Fact]
    public void A_single_value_instead_of_a_list_is_rejected()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>(PenaltySeverity.Section, "warning,fine")])
            .Build();

        Assert.Throws<InvalidOperationException>(() => PenaltySeverity.FromConfiguration(configuration));
    }

    [Fact]
    public void An_unknown_kind_is_not_silently_ranked() =>
        Assert.Throws<ArgumentException>(() => PenaltySeverity.Default.MostSevere(["fine", "closure"]));

    [Fact]
    public void Every_kind_Publicity_names_is_ranked_and_nothing_else()
    {
        Assert.Equal(
            PenaltySeverity.KnownKinds.Order(StringComparer.Ordinal),
            PenaltyKinds.All.Select(PenaltyKinds.Name).Order(StringComparer.Ordinal));
        Assert.Equal("other", PenaltyKinds.Name(PenaltyKind.Other));
        Assert.Equal("confiscation", PenaltyKinds.Name(PenaltyKind.LegacyConfiscation));
    }
}
