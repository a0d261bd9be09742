using Longshan.Platform.Calendar;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// Publication and withdrawal deadlines for ex-post publicity (事后公开). Each deadline is the last
/// day on which the act is on time, counted in working days with the start day not counted
/// (《行政处罚法》第八十五条; see <see cref="HolidayCalendar.AddWorkingDays"/>).
/// </summary>
public static class PublicationDeadlines
{
    /// <summary>Working days allowed for publishing a decision of <paramref name="category"/>.</summary>
    public static int PublicationWorkingDays(DecisionCategory category, PublicationDeadlineOptions? options = null)
    {
        options ??= PublicationDeadlineOptions.Default;
        return category switch
        {
            // 国办发〔2018〕118号: 行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开
            DecisionCategory.Permit or DecisionCategory.Penalty => RequirePositive(options.PermitAndPenaltyWorkingDays),
            // 国办发〔2018〕118号: 其他执法决定信息原则上在20个工作日内公开
            _ => RequirePositive(options.OtherDecisionWorkingDays),
        };
    }

    /// <summary>
    /// Last day to publish a decision made on <paramref name="decisionDate"/>: +7 working days for
    /// permits and penalties, +20 for other categories (国办发〔2018〕118号).
    /// </summary>
    /// <exception cref="CalendarYearMissingException">The period runs into a year without holiday data.</exception>
    public static DateOnly PublicationDeadline(
        DecisionCategory category,
        DateOnly decisionDate,
        HolidayCalendar calendar,
        PublicationDeadlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(decisionDate, PublicationWorkingDays(category, options));
    }

    /// <summary>
    /// <see cref="PublicationDeadline"/>, or null (pending) when the period runs into a year after the calendar's last
    /// year with data: the State Council publishes each year's holidays late in the year before, so such a deadline is
    /// computed once the year is configured (<c>Calendar:Years</c>, read at start-up; <see cref="DeadlineWatch"/>).
    /// </summary>
    /// <exception cref="CalendarYearMissingException">The period runs into a year without data that is not after the last one.</exception>
    public static DateOnly? PublicationDeadlineOrPending(
        DecisionCategory category,
        DateOnly decisionDate,
        HolidayCalendar calendar,
        PublicationDeadlineOptions? options = null)
    {
        try
        {
            return PublicationDeadline(category, decisionDate, calendar, options);
        }
        catch (CalendarYearMissingException e) when (calendar.Years is [.., var last] && e.Year > last)
        {
            return null;
        }
    }

    /// <summary>
    /// Last day to withdraw a published decision (and publish the reason) after it was revoked,
    /// changed, confirmed illegal or void on <paramref name="revocationDate"/>: +3 working days
    /// (《行政处罚法》第四十八条第二款).
    /// </summary>
    /// <exception cref="CalendarYearMissingException">The period runs into a year without holiday data.</exception>
    public static DateOnly WithdrawalDeadline(
        DateOnly revocationDate,
        HolidayCalendar calendar,
        PublicationDeadlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        options ??= PublicationDeadlineOptions.Default;
        return calendar.AddWorkingDays(revocationDate, RequirePositive(options.WithdrawalWorkingDays));
    }

    /// <summary>Whether publishing on <paramref name="publishedOn"/> met the deadline.</summary>
    public static bool IsPublishedOnTime(
        DecisionCategory category,
        DateOnly decisionDate,
        DateOnly publishedOn,
        HolidayCalendar calendar,
        PublicationDeadlineOptions? options = null) =>
        publishedOn <= PublicationDeadline(category, decisionDate, calendar, options);

    private static int RequirePositive(int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        return days;
    }
}
