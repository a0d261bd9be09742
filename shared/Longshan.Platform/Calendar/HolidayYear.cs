namespace Longshan.Platform.Calendar;

/// <summary>
/// One calendar year's holiday arrangement as published by the State Council General Office
/// (国务院办公厅关于某年部分节假日安排的通知): the days off (放假) and the weekend days that are
/// worked instead (调休上班). Only dates inside <see cref="Year"/> belong here; a notice's days that
/// fall in the previous December belong to that previous year's entry.
/// </summary>
/// <param name="Year">The calendar year.</param>
/// <param name="Holidays">Days off (放假), including any weekend days inside a holiday period.</param>
/// <param name="AdjustedWorkingDays">Saturdays or Sundays that are working days (调休上班).</param>
/// <param name="Source">Title and number of the notice, for audit.</param>
public sealed record HolidayYear(
    int Year,
    IReadOnlyCollection<DateOnly> Holidays,
    IReadOnlyCollection<DateOnly> AdjustedWorkingDays,
    string? Source = null)
{
    /// <summary>
    /// Checks the arrangement is self-consistent: every date lies in <see cref="Year"/>, no date
    /// is both a day off and a working day, and every adjusted working day is a Saturday or Sunday
    /// (a notice only ever moves work onto weekends).
    /// </summary>
    /// <exception cref="ArgumentException">The arrangement is inconsistent.</exception>
    public void Validate()
    {
        if (Year is < 1 or > 9998)
        {
            throw new ArgumentException($"Holiday year {Year} is out of range.");
        }

        foreach (var day in Holidays.Concat(AdjustedWorkingDays))
        {
            if (day.Year != Year)
            {
                throw new ArgumentException($"Date {day:yyyy-MM-dd} is listed under holiday year {Year}; list it under {day.Year}.");
            }
        }

        foreach (var day in AdjustedWorkingDays)
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                throw new ArgumentException($"Adjusted working day {day:yyyy-MM-dd} of {Year} is a {day.DayOfWeek}, not a weekend day.");
            }

            if (Holidays.Contains(day))
            {
                throw new ArgumentException($"Date {day:yyyy-MM-dd} of {Year} is listed both as a holiday and as an adjusted working day.");
            }
        }
    }
}
