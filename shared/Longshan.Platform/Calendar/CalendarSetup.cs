using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Longshan.Platform.Calendar;

/// <summary>Configuration section <c>Calendar</c>, read the same way by every service.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>Years added to or replacing the shipped ones (same shape as holidays.json).</summary>
    public List<HolidayYearDefinition> Years { get; set; } = [];

    /// <summary>Local days off, <c>MM-dd</c> or <c>yyyy-MM-dd</c> (see <see cref="LocalHolidays"/>).</summary>
    public List<string> LocalHolidays { get; set; } = [];
}

public static class CalendarSetup
{
    /// <summary>
    /// The county's working-day calendar: the shipped years (2019 onwards), the configured <c>Calendar:Years</c> and
    /// <c>Calendar:LocalHolidays</c>. Read at start-up: a year added to configuration takes effect on restart.
    /// </summary>
    public static IHostApplicationBuilder AddCountyCalendar(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(CalendarOptions.Section).Get<CalendarOptions>() ?? new CalendarOptions();
        builder.Services.AddSingleton(Load(options));
        return builder;
    }

    /// <exception cref="InvalidOperationException">A configured year lists no holidays (a typo must not make every weekday a working day).</exception>
    public static HolidayCalendar Load(CalendarOptions options)
    {
        foreach (var year in options.Years.Where(y => y.Holidays.Count == 0))
            throw new InvalidOperationException(
                $"Calendar:Years lists {year.Year} without holidays. Every year has statutory holidays (国务院办公厅关于{year.Year}年部分节假日安排的通知): add them, or remove the year.");
        return HolidayCalendarLoader.LoadShipped(options.Years).WithLocalHolidays(LocalHolidays.Parse(options.LocalHolidays));
    }
}
