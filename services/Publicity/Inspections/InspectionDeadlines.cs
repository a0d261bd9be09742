using Longshan.Platform.Calendar;
using Longshan.Publicity.Decisions;

namespace Longshan.Publicity.Inspections;

/// <summary>
/// 抽查结果公开期限: a random-inspection result is an "other decision" of 国办发〔2018〕118号 — published within 20 working
/// days of the end of the inspection (start day not counted, <see cref="HolidayCalendar"/> with 调休). Pure.
/// </summary>
public static class InspectionDeadlines
{
    /// <summary>The last day to publish, or null (pending) when the period runs into a year after the calendar's last one.</summary>
    /// <exception cref="CalendarYearMissingException">The period runs into a year without data that is not after the last one.</exception>
    public static DateOnly? DeadlineOrPending(DateOnly endedOn, HolidayCalendar calendar, PublicationDeadlineOptions? options = null) =>
        PublicationDeadlines.PublicationDeadlineOrPending(DecisionCategory.Inspection, endedOn, calendar, options);
}
