namespace Longshan.Platform.Calendar;

/// <summary>
/// Working-day calendar of China's statutory holidays (法定节假日) and adjusted working weekends (调休),
/// built from per-year data. Immutable; <see cref="WithYear"/> returns a new calendar.
/// </summary>
/// <remarks>
/// A day is a working day when it is not a listed holiday and is either Monday–Friday or a listed
/// adjusted working day. Any question about a year without data throws
/// <see cref="CalendarYearMissingException"/> (handbook, Calendar: "fail loudly").
/// </remarks>
public sealed class HolidayCalendar
{
    private readonly Dictionary<int, HolidayYear> _years;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workingWeekendDays;
    private readonly LocalHolidays _local;

    /// <summary>Builds a calendar from the given years.</summary>
    /// <exception cref="ArgumentException">A year is listed twice or is inconsistent.</exception>
    public HolidayCalendar(IEnumerable<HolidayYear> years, LocalHolidays? localHolidays = null)
    {
        _local = localHolidays ?? LocalHolidays.None;
        ArgumentNullException.ThrowIfNull(years);
        _years = [];
        foreach (var year in years)
        {
            year.Validate();
            if (!_years.TryAdd(year.Year, year))
            {
                throw new ArgumentException($"Holiday year {year.Year} is listed more than once.", nameof(years));
            }
        }

        _holidays = [.. _years.Values.SelectMany(y => y.Holidays)];
        _workingWeekendDays = [.. _years.Values.SelectMany(y => y.AdjustedWorkingDays)];
    }

    /// <summary>The years with data, ascending.</summary>
    public IReadOnlyList<int> Years => [.. _years.Keys.Order()];

    /// <summary>Whether <paramref name="year"/> has data.</summary>
    public bool HasYear(int year) => _years.ContainsKey(year);

    /// <summary>The arrangement for <paramref name="year"/>.</summary>
    /// <exception cref="CalendarYearMissingException">No data for the year.</exception>
    public HolidayYear GetYear(int year) =>
        _years.TryGetValue(year, out var data) ? data : throw new CalendarYearMissingException(year);

    /// <summary>
    /// Returns a calendar with <paramref name="year"/> added, replacing any shipped data for the same
    /// year (configuration wins, so an operator can add 2027 or correct a year without a release).
    /// </summary>
    public HolidayCalendar WithYear(HolidayYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return WithYears([year]);
    }

    /// <summary>Returns a calendar with the given years added or replaced (see <see cref="WithYear"/>).</summary>
    public HolidayCalendar WithYears(IEnumerable<HolidayYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var merged = new Dictionary<int, HolidayYear>(_years);
        foreach (var year in years)
        {
            merged[year.Year] = year;
        }

        return new HolidayCalendar(merged.Values, _local);
    }

    /// <summary>Returns a calendar that also treats <paramref name="localHolidays"/> as days off.</summary>
    public HolidayCalendar WithLocalHolidays(LocalHolidays localHolidays) => new(_years.Values, localHolidays);

    /// <summary>Whether <paramref name="day"/> is a working day (工作日).</summary>
    /// <exception cref="CalendarYearMissingException">No data for the day's year.</exception>
    public bool IsWorkingDay(DateOnly day)
    {
        if (!_years.ContainsKey(day.Year))
        {
            throw new CalendarYearMissingException(day.Year);
        }

        if (_holidays.Contains(day) || _local.Contains(day))
        {
            return false;
        }

        return _workingWeekendDays.Contains(day)
            || day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="start"/>.
    /// APL art. 85 (《行政处罚法》第八十五条): periods in days are working days excluding statutory
    /// holidays, and the day of the triggering act is not counted — counting starts the next day.
    /// Zero returns <paramref name="start"/> unchanged.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    /// <exception cref="CalendarYearMissingException">A day to be counted lies in a year without data.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>
    /// Number of working days in the half-open range (<paramref name="start"/>, <paramref name="end"/>]:
    /// the start day is not counted, the end day is (APL art. 85). The inverse of
    /// <see cref="AddWorkingDays"/>: <c>WorkingDaysBetween(s, AddWorkingDays(s, n)) == n</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="end"/> is before <paramref name="start"/>.</exception>
    /// <exception cref="CalendarYearMissingException">A day in the range lies in a year without data.</exception>
    public int WorkingDaysBetween(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            throw new ArgumentException($"End {end:yyyy-MM-dd} is before start {start:yyyy-MM-dd}.", nameof(end));
        }

        var count = 0;
        for (var day = start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
