using Longshan.Platform.Calendar;

namespace Longshan.LegalReview.Reviews;

/// <summary>
/// Configuration section <c>LegalReview:TimeLimits</c> — 审核时限 [local]. Defaults from DOMAIN.md: 7 working days from
/// complete materials, +3 once for a complex case (辽宁, 宁夏; a Zhejiang township uses 5); per agency by
/// <see cref="Agencies"/> (credit code → working days). The case itself must be decided within 90 calendar days of
/// opening (《行政处罚法》第六十条).
/// </summary>
public sealed class ReviewTimeLimitOptions
{
    public const string Section = "LegalReview:TimeLimits";

    public int WorkingDays { get; set; } = 7;

    public int ComplexExtensionWorkingDays { get; set; } = 3;

    /// <summary>Per-agency time limit in working days, overriding <see cref="WorkingDays"/>.</summary>
    public Dictionary<string, int> Agencies { get; set; } = [];

    /// <summary>《行政处罚法》第六十条: calendar days from opening the case to the decision.</summary>
    public int CaseLimitDays { get; set; } = 90;

    /// <summary>The request shows the case deadline as near this many days before it (and after).</summary>
    public int CaseWarningDays { get; set; } = 10;

    /// <summary>How often the overdue watch looks.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int WorkingDaysFor(string agencyCode) => Agencies.TryGetValue(agencyCode, out var days) ? days : WorkingDays;
}

/// <summary>The deadlines of a request. Pure: the calendar and the dates are passed in.</summary>
public static class ReviewTimeLimits
{
    /// <summary>《行政处罚法》第六十条: decided within 90 days of opening — calendar days (APL art. 85 covers only short periods).</summary>
    public static DateOnly CaseDeadline(DateOnly openedOn, ReviewTimeLimitOptions options) => openedOn.AddDays(options.CaseLimitDays);

    public static bool CaseDeadlineNear(DateOnly caseDeadline, DateOnly today, ReviewTimeLimitOptions options) =>
        today >= caseDeadline.AddDays(-options.CaseWarningDays);

    /// <summary>
    /// The last day of the review: the agency's working days after acceptance (the day of acceptance is not counted,
    /// APL art. 85), plus the extension once granted, never past the case's own deadline (DOMAIN.md).
    /// </summary>
    /// <exception cref="CalendarYearMissingException">The period runs into a year without holiday data.</exception>
    public static DateOnly ReviewDueOn(
        string agencyCode, DateOnly acceptedOn, bool extended, DateOnly caseDeadline, HolidayCalendar calendar, ReviewTimeLimitOptions options)
    {
        var days = options.WorkingDaysFor(agencyCode) + (extended ? options.ComplexExtensionWorkingDays : 0);
        var due = calendar.AddWorkingDays(acceptedOn, days);
        return due > caseDeadline && caseDeadline >= acceptedOn ? caseDeadline : due;
    }
}
