namespace Longshan.Platform.Calendar;

/// <summary>
/// One year as written in <c>holidays.json</c> or in configuration (e.g. an appsettings section
/// bound to a list of these), so an operator can add a year without a release. Mutable on purpose
/// so both System.Text.Json and the configuration binder can fill it.
/// </summary>
public sealed class HolidayYearDefinition
{
    /// <summary>The calendar year.</summary>
    public int Year { get; set; }

    /// <summary>Title and document number of the State Council notice (国务院办公厅通知).</summary>
    public string? Notice { get; set; }

    /// <summary>Where the notice was published.</summary>
    public string? Url { get; set; }

    /// <summary>Free-text remarks (corrections, uncertainty).</summary>
    public string? Note { get; set; }

    /// <summary>Holiday periods (放假), each an inclusive date range.</summary>
    public List<HolidayPeriod> Holidays { get; set; } = [];

    /// <summary>Weekend days worked instead (调休上班).</summary>
    public List<DateOnly> AdjustedWorkingDays { get; set; } = [];

    /// <summary>Expands the periods into dates and validates the result.</summary>
    /// <exception cref="ArgumentException">A period ends before it starts, or the year is inconsistent.</exception>
    public HolidayYear ToHolidayYear()
    {
        var days = new SortedSet<DateOnly>();
        foreach (var period in Holidays)
        {
            if (period.To < period.From)
            {
                throw new ArgumentException($"Holiday period '{period.Name}' of {Year} ends ({period.To:yyyy-MM-dd}) before it starts ({period.From:yyyy-MM-dd}).");
            }

            for (var day = period.From; day <= period.To; day = day.AddDays(1))
            {
                days.Add(day);
            }
        }

        var year = new HolidayYear(Year, [.. days], [.. AdjustedWorkingDays.Distinct().Order()], Notice);
        year.Validate();
        return year;
    }
}

/// <summary>An inclusive range of days off for one festival, e.g. 春节 2024-02-10 … 2024-02-17.</summary>
public sealed class HolidayPeriod
{
    /// <summary>Festival name as in the notice (元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节).</summary>
    public string? Name { get; set; }

    /// <summary>First day off.</summary>
    public DateOnly From { get; set; }

    /// <summary>Last day off (inclusive).</summary>
    public DateOnly To { get; set; }
}
