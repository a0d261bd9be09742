using Longshan.Platform.Legal;

namespace Longshan.UnitTests.Platform;

/// <summary>The one clearance rule (APL art. 58): bound to the agency, the case number and the decision date.</summary>
public sealed class ReviewClearanceRuleTests
{
    const string Agency = "11433130MB1234567Q";
    const string Other = "11433130MB7654321X";
    const string Case = "龙市监罚〔2026〕42号";
    static readonly DateOnly DecisionDate = new(2026, 9, 28);

    // 2026-09-28 23:59 county time is 15:59 UTC; 2026-09-29 00:00 county time is 2026-09-28 16:00 UTC.
    static ReviewClearance Passed(string agency = Agency, string caseNumber = Case, string completedUtc = "2026-09-28T15:59:00Z") =>
        new("R-1", agency, caseNumber, Passed: true, DateTimeOffset.Parse(completedUtc, System.Globalization.CultureInfo.InvariantCulture));

    static string? Refusal(ReviewClearance? clearance, string? digest = null) =>
        ReviewClearanceRule.Refusal(clearance, new DecisionForClearance(Agency, Case, DecisionDate, digest))?.Id;

    [Fact]
    public void A_passed_review_of_the_same_case_completed_by_the_end_of_the_decision_day_clears() => Assert.Null(Refusal(Passed()));

    [Fact]
    public void No_review_is_refused() => Assert.Equal("review-clearance-missing", Refusal(null));

    [Fact]
    public void Another_agencys_review_is_refused() => Assert.Equal("review-clearance-other-agency", Refusal(Passed(agency: Other)));

    [Fact]
    public void A_review_of_another_case_is_refused() => Assert.Equal("review-clearance-other-case", Refusal(Passed(caseNumber: "龙市监罚〔2026〕43号")));

    [Fact]
    public void A_review_completed_after_the_decision_date_in_county_time_is_refused() =>
        Assert.Equal("review-clearance-after-decision", Refusal(Passed(completedUtc: "2026-09-28T16:00:00Z")));

    [Fact]
    public void A_review_that_did_not_pass_is_refused() =>
        Assert.Equal("review-clearance-not-passed", Refusal(Passed() with { Passed = false }));

    [Fact]
    public void A_review_of_another_text_is_refused_when_both_name_a_digest()
    {
        Assert.Equal("review-clearance-other-draft", Refusal(Passed() with { DraftDigest = "aa" }, digest: "bb"));
        Assert.Null(Refusal(Passed() with { DraftDigest = "AA" }, digest: "aa"));
        Assert.Null(Refusal(Passed(), digest: "bb"));
    }

    [Theory]
    [InlineData("龙市监罚[2026]42号")]
    [InlineData("龙市监罚【2026】42号")]
    [InlineData("龙市监罚［２０２６］４２号")]
    [InlineData(" 龙市监罚 〔2026〕 42号\u3000")]
    [InlineData("龙市监罚(2026)42号")]
    [InlineData("龙市监罚（2026）42号")]
    public void Case_numbers_are_compared_after_normalising_brackets_widths_and_spaces(string typed)
    {
        Assert.Equal(Case, CaseNumbers.Normalize(typed));
        Assert.Null(Refusal(Passed(caseNumber: typed)));
    }

    [Fact]
    public void Different_numbers_stay_different() => Assert.False(CaseNumbers.Same("龙市监罚〔2026〕42号", "龙市监罚〔2026〕420号"));
}
