namespace Longshan.Publicity.Calendar;

public static class CalendarFeature
{
    /// <summary>
    /// The working-day calendar: the shipped years (2019 onwards) plus any years in configuration section
    /// <c>Calendar:Years</c> (same shape as holidays.json), so an operator can add next year without a release.
    /// </summary>
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection("Calendar:Years").Get<List<HolidayYearDefinition>>();
        builder.Services.AddSingleton(HolidayCalendarLoader.LoadShipped(configured));
        return builder;
    }
}
