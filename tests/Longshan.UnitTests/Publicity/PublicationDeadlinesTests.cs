using Longshan.Platform.Calendar;
using Longshan.Publicity.Decisions;

namespace Longshan.UnitTests.Publicity;

public sealed class PublicationDeadlinesTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendarTests.Shipped;

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(DecisionCategory.Permit)]
    [InlineData(DecisionCategory.Penalty)]
    public void Permits_and_penalties_are_published_within_7_working_days(DecisionCategory category)
    {
        Assert.Equal(D("2024-10-12"), PublicationDeadlines.PublicationDeadline(category, D("2024-09-27"), Calendar));
    }

    [Theory]
    [InlineData(DecisionCategory.Coercion)]
    [InlineData(DecisionCategory.Levy)]
    [InlineData(DecisionCategory.Requisition)]
    [InlineData(DecisionCategory.Inspection)]
    [InlineData(DecisionCategory.Payment)]
    [InlineData(DecisionCategory.Confirmation)]
    [InlineData(DecisionCategory.Award)]
    [InlineData(DecisionCategory.Ruling)]
    [InlineData(DecisionCategory.Other)]
    public void Other_decisions_are_published_within_20_working_days(DecisionCategory category)
    {
        // 2026-09-18 (Fri): Sun 9/20 worked, Mid-Autumn and National Day skipped, Sat 10/10 worked.
        Assert.Equal(D("2026-10-22"), PublicationDeadlines.PublicationDeadline(category, D("2026-09-18"), Calendar));
        Assert.Equal(20, PublicationDeadlines.PublicationWorkingDays(category));
    }

    [Theory]
    [InlineData("2026-04-30", "2026-05-08")] // Labour Day 5/1-5/5 skipped
    [InlineData("2026-05-07", "2026-05-11")] // Sat 5/9 worked
    public void Withdrawal_is_due_within_3_working_days(string revoked, string expected)
    {
        Assert.Equal(D(expected), PublicationDeadlines.WithdrawalDeadline(D(revoked), Calendar));
    }

    [Fact]
    public void Day_counts_are_configurable()
    {
        var options = new PublicationDeadlineOptions { PermitAndPenaltyWorkingDays = 5, OtherDecisionWorkingDays = 10, WithdrawalWorkingDays = 1 };
        Assert.Equal(D("2024-10-10"), PublicationDeadlines.PublicationDeadline(DecisionCategory.Penalty, D("2024-09-27"), Calendar, options));
        Assert.Equal(D("2026-05-06"), PublicationDeadlines.WithdrawalDeadline(D("2026-04-30"), Calendar, options));
        Assert.Equal(10, PublicationDeadlines.PublicationWorkingDays(DecisionCategory.Award, options));
    }

    [Fact]
    public void On_time_check_uses_the_deadline_inclusively()
    {
        Assert.True(PublicationDeadlines.IsPublishedOnTime(DecisionCategory.Penalty, D("2024-09-27"), D("2024-10-12"), Calendar));
        Assert.False(PublicationDeadlines.IsPublishedOnTime(DecisionCategory.Penalty, D("2024-09-27"), D("2024-10-14"), Calendar));
    }

    [Fact]
    public void Deadline_in_a_year_without_data_fails()
    {
        Assert.Throws<CalendarYearMissingException>(() =>
            PublicationDeadlines.PublicationDeadline(DecisionCategory.Other, D("2026-12-10"), Calendar));
    }

    [Fact]
    public void A_deadline_running_into_a_year_after_the_last_one_with_data_is_pending_until_that_year_is_added()
    {
        var with2027 = Calendar.WithYear(new HolidayYearDefinition
        {
            Year = 2027, Holidays = [new HolidayPeriod { Name = "元旦", From = D("2027-01-01"), To = D("2027-01-03") }],
        }.ToHolidayYear());

        Assert.Null(PublicationDeadlines.PublicationDeadlineOrPending(DecisionCategory.Permit, D("2026-12-28"), Calendar));
        // 12-29, 12-30, 12-31, [01-01…01-03 off], 01-04, 01-05, 01-06, 01-07.
        Assert.Equal(D("2027-01-07"), PublicationDeadlines.PublicationDeadlineOrPending(DecisionCategory.Permit, D("2026-12-28"), with2027));
        Assert.Equal(D("2026-10-14"), PublicationDeadlines.PublicationDeadlineOrPending(DecisionCategory.Penalty, D("2026-09-29"), Calendar));
    }

    [Fact]
    public void A_deadline_in_a_year_before_the_first_one_with_data_still_fails()
    {
        Assert.Throws<CalendarYearMissingException>(() =>
            PublicationDeadlines.PublicationDeadlineOrPending(DecisionCategory.Penalty, D("2018-12-20"), Calendar));
    }

    [Fact]
    public void Zero_day_option_is_rejected()
    {
        var options = new PublicationDeadlineOptions { WithdrawalWorkingDays = 0 };
        Assert.Throws<ArgumentOutOfRangeException>(() => PublicationDeadlines.WithdrawalDeadline(D("2026-04-30"), Calendar, options));
    }
}
