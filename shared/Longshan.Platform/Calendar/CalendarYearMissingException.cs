namespace Longshan.Platform.Calendar;

/// <summary>
/// A working-day question touched a year for which no State Council holiday arrangement is loaded.
/// Thrown instead of guessing, because treating an unknown year as plain Monday-to-Friday would
/// silently give wrong legal deadlines (APL art. 85 counts working days, excluding statutory holidays).
/// </summary>
public sealed class CalendarYearMissingException : Exception
{
    /// <summary>Creates the exception for the missing <paramref name="year"/>.</summary>
    public CalendarYearMissingException(int year)
        : base($"No statutory holiday arrangement is loaded for {year}. Add the State Council notice for {year} " +
               "(国务院办公厅关于部分节假日安排的通知) to the holiday calendar configuration; working days in " +
               $"{year} cannot be counted without it.")
    {
        Year = year;
    }

    /// <summary>The year that has no data.</summary>
    public int Year { get; }
}
