using Grpc.Core;
using Longshan.Contracts.LegalReview.V1;
using Longshan.LegalReview.Discretion;
using Longshan.LegalReview.Tests.Support;
using Longshan.Platform.Grpc;
using static Longshan.LegalReview.Tests.Support.LegalReviewApp;

namespace Longshan.LegalReview.Tests.Discretion;

/// <summary>Discretion benchmarks (《行政处罚法》第三十四条; T18): the choice rule, and the service end to end.</summary>
public sealed class DiscretionTests(LegalReviewApp app) : IClassFixture<LegalReviewApp>
{
    readonly DiscretionService.DiscretionServiceClient client = new(app.Channel);

    static DiscretionTier Tier(string name, long min, long max, bool isDefault, params string[] circumstances) => new()
    {
        Name = name, FineMinFen = min, FineMaxFen = max, IsDefault = isDefault, Circumstances = { circumstances }, OtherPenalties = { "confiscation-of-illegal-gains" },
    };

    static readonly DiscretionTier[] Tiers =
    [
        Tier("从轻", 500_000, 1_000_000, false, "first-offence", "corrected-promptly"),
        Tier("一般", 1_000_000, 3_000_000, true),
        Tier("从重", 3_000_000, 5_000_000, false, "repeat-offence", "sold-to-students"),
    ];

    static DiscretionBenchmark Benchmark() => new() { ItemCode = "SP-124-01", Version = 3, Tiers = { Tiers } };

    [Theory]
    [InlineData(new string[0], "一般")]                                         // nothing listed: the default tier
    [InlineData(new[] { "first-offence" }, "从轻")]
    [InlineData(new[] { "first-offence", "corrected-promptly", "repeat-offence" }, "从轻")] // two mitigating beat one aggravating
    [InlineData(new[] { "first-offence", "repeat-offence" }, "从重")]          // a tie: the more severe tier
    [InlineData(new[] { "repeat-offence", "sold-to-students" }, "从重")]
    public void The_tier_with_most_matching_circumstances_is_chosen_a_tie_goes_to_the_more_severe(string[] circumstances, string tier)
    {
        var suggestion = DiscretionBenchmarks.Suggest(Benchmark(), circumstances);

        Assert.Equal(tier, suggestion.Tier.Name);
        Assert.Equal(3, suggestion.BenchmarkVersion);
        Assert.NotEmpty(suggestion.Rule);
    }

    [Fact]
    public void Circumstances_no_tier_lists_are_reported_and_do_not_count()
    {
        var suggestion = DiscretionBenchmarks.Suggest(Benchmark(), ["weather", "first-offence"]);
        Assert.Equal("从轻", suggestion.Tier.Name);
        Assert.Equal(["weather"], suggestion.UnknownCircumstances);
    }

    [Fact]
    public void A_benchmark_needs_one_default_tier_ordered_ranges_and_each_circumstance_in_one_tier()
    {
        var v = DiscretionBenchmarks.Validate(new FieldViolations(),
            [Tier("从轻", 100, 50, false, "a"), Tier("一般", 0, 0, false, "a")]);

        Assert.Contains("tiers: 须恰有一档为默认档 / exactly one tier is the default", v.Descriptions);
        Assert.Contains("tiers[0].fine_max_fen: 罚款幅度须 0 ≤ 下限 ≤ 上限 / the fine range needs 0 ≤ min ≤ max", v.Descriptions);
        Assert.Contains("tiers[1].circumstances: 同一情形只能属于一档 / a circumstance belongs to one tier only", v.Descriptions);
        Assert.True(DiscretionBenchmarks.Validate(new FieldViolations(), Tiers).IsEmpty);
    }

    [Fact]
    public async Task An_agency_publishes_versions_of_its_benchmark_and_SuggestDiscretion_uses_the_one_in_force()
    {
        var agency = await app.NewAgencyAsync();
        PublishBenchmarkRequest Request(string reason, params DiscretionTier[] tiers) => new()
        {
            RequestId = Id(), AgencyCode = agency, ItemCode = "SP-124-01", ItemName = "经营超过保质期的食品",
            LegalBasis = "《中华人民共和国食品安全法》第一百二十四条", Reason = reason, Tiers = { tiers },
        };

        var v1 = (await client.PublishBenchmarkAsync(Request("初次公布", Tiers), TestTokens.Bearer(agency))).Benchmark;
        var v2 = (await client.PublishBenchmarkAsync(Request("取消从重档", Tiers[0], Tiers[1]), TestTokens.Bearer(agency))).Benchmark;
        var byOtherAgency = await FailsAsync(client.PublishBenchmarkAsync(Request("越权", Tiers), TestTokens.Bearer(await app.NewAgencyAsync())));
        var suggestion = await client.SuggestDiscretionAsync(new SuggestDiscretionRequest
        {
            AgencyCode = agency, ItemCode = "SP-124-01", Circumstances = { "repeat-offence" },
        }, TestTokens.Bearer(agency));
        var unknownItem = await FailsAsync(client.SuggestDiscretionAsync(new SuggestDiscretionRequest { AgencyCode = agency, ItemCode = "NONE" }, TestTokens.Bearer(agency)));

        Assert.Equal(1, v1.Version);
        Assert.Equal(2, v2.Version);
        Assert.Equal(StatusCode.PermissionDenied, byOtherAgency.StatusCode);
        // Version 2 has no 从重 tier: repeat-offence is unknown there, the default tier applies.
        Assert.Equal(2, suggestion.BenchmarkVersion);
        Assert.Equal("一般", suggestion.Tier.Name);
        Assert.Equal(1_000_000, suggestion.Tier.FineMinFen);
        Assert.Equal(["repeat-offence"], suggestion.UnknownCircumstances);
        Assert.Equal(StatusCode.NotFound, unknownItem.StatusCode);
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DiscretionBenchmarkPublished' AND agency_code = @agency", new { agency }));
    }
}
