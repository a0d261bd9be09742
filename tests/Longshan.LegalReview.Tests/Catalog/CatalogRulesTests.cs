using Longshan.Contracts.LegalReview.V1;
using Longshan.LegalReview.Catalog;
using Longshan.Platform.Grpc;

namespace Longshan.LegalReview.Tests.Catalog;

/// <summary>The catalog's matching rules, every threshold edge (equal, just above, just below; ≥ and >).</summary>
public sealed class CatalogRulesTests
{
    static IEnumerable<(CatalogItem, string)> Defaults => MajorDecisionCatalog.Defaults.Select(i => (i, "county v0"));

    static ClassifyDecisionRequest Draft(CatalogPartyKind party, params (string Kind, long Fen)[] penalties)
    {
        var draft = new ClassifyDecisionRequest { AgencyCode = "11433130MB1234567Q", PartyKind = party };
        foreach (var (kind, fen) in penalties) draft.Penalties.Add(new PenaltyAmount { Kind = kind, AmountFen = fen });
        return draft;
    }

    static IReadOnlyList<string> Codes(ClassifyDecisionResponse response) => [.. response.Matched.Select(m => m.Item.Code)];

    [Theory]
    // Default: organisation ≥ 100,000 元 (10,000,000 fen), natural person ≥ 10,000 元.
    [InlineData(CatalogPartyKind.Organisation, 9_999_999, false)]
    [InlineData(CatalogPartyKind.Organisation, 10_000_000, true)]
    [InlineData(CatalogPartyKind.Organisation, 10_000_001, true)]
    [InlineData(CatalogPartyKind.NaturalPerson, 999_999, false)]
    [InlineData(CatalogPartyKind.NaturalPerson, 1_000_000, true)]
    [InlineData(CatalogPartyKind.NaturalPerson, 1_000_001, true)]
    public void The_default_fine_thresholds_count_the_amount_itself(CatalogPartyKind party, long fen, bool major)
    {
        var response = MajorDecisionCatalog.Classify(Defaults, Draft(party, ("fine", fen)));

        Assert.Equal(major, response.Major);
        if (major) Assert.Equal([party == CatalogPartyKind.Organisation ? "F-02" : "F-01"], Codes(response));
        if (major) Assert.Equal("county v0", response.Matched[0].Source);
    }

    [Theory]
    [InlineData(4_999_999, false)]
    [InlineData(5_000_000, false)] // "> 50,000 元": the amount itself does not count
    [InlineData(5_000_001, true)]
    public void An_exclusive_threshold_needs_more_than_the_amount(long fen, bool major)
    {
        var item = new CatalogItem
        {
            Code = "F-X", Kind = CatalogItemKind.FineThreshold, PartyKind = CatalogPartyKind.Organisation, AmountFen = 5_000_000, Inclusive = false,
            Description = "对组织处五万元以上罚款", LegalSource = "北京某镇",
        };
        Assert.Equal(major, MajorDecisionCatalog.Classify([(item, "county v1")], Draft(CatalogPartyKind.Organisation, ("fine", fen))).Major);
    }

    [Fact]
    public void A_threshold_of_the_other_party_kind_does_not_apply()
    {
        // 50,000 元 to a natural person is above the natural person's threshold only.
        var response = MajorDecisionCatalog.Classify(Defaults, Draft(CatalogPartyKind.NaturalPerson, ("fine", 5_000_000)));
        Assert.Equal(["F-01"], Codes(response));
    }

    [Theory]
    [InlineData(5_000_000, 4_999_999, false)] // 99,999.99 元 confiscated in all
    [InlineData(5_000_000, 5_000_000, true)]  // 100,000 元: the two confiscation kinds add up
    public void Confiscations_of_gains_and_property_add_up(long gains, long property, bool major)
    {
        var response = MajorDecisionCatalog.Classify(Defaults,
            Draft(CatalogPartyKind.Organisation, ("confiscation-of-illegal-gains", gains), ("confiscation-of-illegal-property", property)));
        Assert.Equal(major, response.Major);
        if (major) Assert.Equal(["C-02"], Codes(response));
    }

    [Fact]
    public void Penalty_kinds_flags_and_actions_each_match_their_own_item()
    {
        var draft = Draft(CatalogPartyKind.Organisation, ("permit-revocation", 0), ("warning", 0));
        draft.HearingHeld = true;
        draft.ComplexCase = true;
        draft.MajorPublicInterest = true;
        draft.Actions.Add("auction-seized-goods");

        Assert.Equal(["P-01", "G-01", "G-02", "G-03", "A-03"], Codes(MajorDecisionCatalog.Classify(Defaults, draft)));
    }

    [Fact]
    public void A_small_fine_without_any_other_circumstance_is_not_major()
    {
        var response = MajorDecisionCatalog.Classify(Defaults, Draft(CatalogPartyKind.Organisation, ("warning", 0), ("fine", 200_000)));
        Assert.False(response.Major);
        Assert.Empty(response.Matched);
    }

    [Fact]
    public void A_catalog_version_is_refused_with_repeated_codes_unknown_kinds_or_incomplete_thresholds()
    {
        var items = new[]
        {
            new CatalogItem { Code = "X", Kind = CatalogItemKind.PenaltyKind, PenaltyKind = "flogging", Description = "d", LegalSource = "s" },
            new CatalogItem { Code = "X", Kind = CatalogItemKind.FineThreshold, Description = "d", LegalSource = "s" },
        };
        var v = MajorDecisionCatalog.Validate(new FieldViolations(), items);

        Assert.Contains("items[0].penalty_kind: 未知的处罚种类 / unknown penalty kind", v.Descriptions);
        Assert.Contains("items[1].code: 编码重复 / code repeated", v.Descriptions);
        Assert.Contains("items[1].party_kind: 必填 / required", v.Descriptions);
        Assert.Contains("items[1].amount_fen: 须大于 0 / must be above 0", v.Descriptions);
        Assert.True(MajorDecisionCatalog.Validate(new FieldViolations(), MajorDecisionCatalog.Defaults).IsEmpty);
    }
}
