using Longshan.Contracts.Rules;
using Longshan.LegalReview.Reviews;
using Longshan.Platform.Calendar;

namespace Longshan.LegalReview.Tests.Reviews;

/// <summary>The pure rules: the transition table, the opinion's preconditions, time limits across 调休.</summary>
public sealed class ReviewRulesTests
{
    static readonly HolidayCalendar Calendar = HolidayCalendarLoader.LoadShipped();
    static readonly ReviewTimeLimitOptions Defaults = new();
    const string Agency = "11433130MB1234567Q";

    /// <summary>Every status × action: the allowed ones, everything else refused.</summary>
    static readonly Dictionary<ReviewAction, ReviewStatus[]> Expected = new()
    {
        [ReviewAction.Accept] = [ReviewStatus.Submitted],
        [ReviewAction.Return] = [ReviewStatus.Submitted],
        [ReviewAction.Amend] = [ReviewStatus.Returned, ReviewStatus.Accepted, ReviewStatus.UnderReview],
        [ReviewAction.Assign] = [ReviewStatus.Accepted, ReviewStatus.UnderReview],
        [ReviewAction.RecordFinding] = [ReviewStatus.UnderReview],
        [ReviewAction.Decide] = [ReviewStatus.UnderReview],
        [ReviewAction.Extend] = [ReviewStatus.Accepted, ReviewStatus.UnderReview],
        [ReviewAction.OpenCoordination] = [ReviewStatus.Disagreed],
        [ReviewAction.ResolveCoordination] = [ReviewStatus.Coordinating],
        [ReviewAction.Escalate] = [ReviewStatus.Disagreed, ReviewStatus.Coordinating, ReviewStatus.UnderReview],
        [ReviewAction.RecordCollectiveDiscussion] = [ReviewStatus.CollectiveDiscussion],
        [ReviewAction.Withdraw] =
        [
            ReviewStatus.Submitted, ReviewStatus.Returned, ReviewStatus.Accepted, ReviewStatus.UnderReview, ReviewStatus.Disagreed,
            ReviewStatus.Coordinating, ReviewStatus.CollectiveDiscussion,
        ],
    };

    public static TheoryData<ReviewStatus, ReviewAction> Pairs()
    {
        var data = new TheoryData<ReviewStatus, ReviewAction>();
        foreach (var status in Enum.GetValues<ReviewStatus>())
            foreach (var action in Enum.GetValues<ReviewAction>())
                data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_transition_is_allowed_or_refused_with_review_status(ReviewStatus status, ReviewAction action)
    {
        var row = new ReviewRow { ComplexCase = true }.With(status);
        var refusal = ReviewLifecycle.Refusal(row, action);

        if (Expected[action].Contains(status)) Assert.Null(refusal);
        else Assert.Equal(RuleCatalog.ReviewStatus, refusal);
    }

    [Fact]
    public void A_case_that_is_not_complex_goes_to_collective_discussion_only_after_a_disagreement()
    {
        var simple = new ReviewRow { ComplexCase = false };
        Assert.Equal(RuleCatalog.ReviewStatus, ReviewLifecycle.Refusal(simple.With(ReviewStatus.UnderReview), ReviewAction.Escalate));
        Assert.Null(ReviewLifecycle.Refusal(simple.With(ReviewStatus.Disagreed), ReviewAction.Escalate));
    }

    [Fact]
    public void The_opinion_needs_all_nine_checks_eight_are_not_enough()
    {
        var row = new ReviewRow { MaterialsVersion = 1, AcceptedMaterials = 1 }.With(ReviewStatus.UnderReview);
        var all = Enum.GetValues<ReviewCheck>();

        Assert.Equal(9, all.Length);
        Assert.Null(ReviewLifecycle.OpinionRefusal(row, ReviewOpinion.Approve, all));
        Assert.Equal(RuleCatalog.ReviewChecksIncomplete, ReviewLifecycle.OpinionRefusal(row, ReviewOpinion.Approve, all[..8]));
        Assert.Equal(RuleCatalog.ReviewChecksIncomplete, ReviewLifecycle.OpinionRefusal(row, ReviewOpinion.Disagree, []));
    }

    [Theory]
    [InlineData(1, 1, false)] // the version reviewed is the one accepted: nothing was amended
    [InlineData(2, 1, true)]  // one amendment after acceptance
    [InlineData(3, 3, false)] // re-review started at version 3, no amendment since
    public void Approve_after_amendment_needs_a_version_newer_than_the_one_the_review_started_on(int current, int accepted, bool allowed)
    {
        var row = new ReviewRow { MaterialsVersion = current, AcceptedMaterials = accepted }.With(ReviewStatus.UnderReview);
        var refusal = ReviewLifecycle.OpinionRefusal(row, ReviewOpinion.ApproveAfterAmendment, Enum.GetValues<ReviewCheck>());

        Assert.Equal(allowed ? null : RuleCatalog.ReviewAmendmentMissing, refusal);
    }

    [Theory]
    // Accepted Fri 2026-09-18: Sun 09-20 is a working day (调休), 中秋 09-25..27 off → 7th working day Tue 09-29.
    [InlineData("2026-09-18", false, "2026-09-29")]
    // Accepted Thu 2026-09-24: 中秋 and 国庆 off, Sat 10-10 worked (调休) → Mon 10-12; +3 for a complex case → Thu 10-15.
    [InlineData("2026-09-24", false, "2026-10-12")]
    [InlineData("2026-09-24", true, "2026-10-15")]
    // Accepted Fri 2026-11-27: plain weeks → Tue 12-08.
    [InlineData("2026-11-27", false, "2026-12-08")]
    public void The_time_limit_counts_working_days_from_the_day_after_acceptance_across_adjusted_days(string accepted, bool extended, string due)
    {
        var acceptedOn = CountyTime.Date(accepted);
        var caseDeadline = acceptedOn.AddDays(60);

        Assert.Equal(CountyTime.Date(due), ReviewTimeLimits.ReviewDueOn(Agency, acceptedOn, extended, caseDeadline, Calendar, Defaults));
    }

    [Fact]
    public void An_agency_has_its_own_time_limit_and_none_runs_past_the_case_deadline()
    {
        var options = new ReviewTimeLimitOptions { Agencies = { [Agency] = 5 } };
        var accepted = CountyTime.Date("2026-11-27");

        Assert.Equal(CountyTime.Date("2026-12-04"), ReviewTimeLimits.ReviewDueOn(Agency, accepted, false, accepted.AddDays(60), Calendar, options));
        Assert.Equal(CountyTime.Date("2026-12-08"), ReviewTimeLimits.ReviewDueOn("other", accepted, false, accepted.AddDays(60), Calendar, options));
        // The case must be decided by 2026-12-01: the review cannot take longer.
        Assert.Equal(CountyTime.Date("2026-12-01"), ReviewTimeLimits.ReviewDueOn(Agency, accepted, false, CountyTime.Date("2026-12-01"), Calendar, options));
    }

    [Theory]
    [InlineData("2026-08-22", "2026-11-20")]
    [InlineData("2026-11-20", "2027-02-18")] // calendar days, across the year end, no holiday data needed
    public void The_case_must_be_decided_within_90_calendar_days_of_opening(string opened, string deadline) =>
        Assert.Equal(CountyTime.Date(deadline), ReviewTimeLimits.CaseDeadline(CountyTime.Date(opened), Defaults));

    [Theory]
    [InlineData("2026-11-09", false)] // 11 days before the deadline
    [InlineData("2026-11-10", true)]  // exactly 10 days before
    [InlineData("2026-11-11", true)]
    [InlineData("2026-11-21", true)]  // passed
    public void Near_is_ten_days_before_the_case_deadline_edge_included(string today, bool near) =>
        Assert.Equal(near, ReviewTimeLimits.CaseDeadlineNear(CountyTime.Date("2026-11-20"), CountyTime.Date(today), Defaults));

    [Fact]
    public void A_responsible_officer_is_recognised_by_person_id_or_name()
    {
        Assert.True(ReviewLifecycle.IsHandler(["张三", "person:wang"], "person:li", "张三"));
        Assert.True(ReviewLifecycle.IsHandler(["张三", "person:wang"], "person:wang", "王五"));
        Assert.False(ReviewLifecycle.IsHandler(["张三", "person:wang"], "person:li", "李四"));
    }
}
