using System.Globalization;

namespace Longshan.Platform.Calendar;

/// <summary>
/// Local days off (configuration <c>Calendar:LocalHolidays</c>, empty by default): a minority autonomous prefecture
/// may add its own, e.g. 湘西土家族苗族自治州 founding day, 20 September (a prefecture decision). Whether such a day
/// stops a legal period is the county's legal decision (DOMAIN.md, Calendar), so it is a setting, not code.
/// Each entry is <c>MM-dd</c> (every year) or <c>yyyy-MM-dd</c> (one day).
/// </summary>
public sealed class LocalHolidays
{
    readonly HashSet<(int Month, int Day)> everyYear = [];
    readonly HashSet<DateOnly> days = [];

    public static LocalHolidays None { get; } = new();

    /// <exception cref="ArgumentException">An entry is neither <c>MM-dd</c> nor <c>yyyy-MM-dd</c>.</exception>
    public static LocalHolidays Parse(IEnumerable<string>? entries)
    {
        var result = new LocalHolidays();
        foreach (var entry in entries ?? [])
        {
            var text = entry.Trim();
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                result.days.Add(day);
            else if (DateOnly.TryParseExact("2000-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var annual) && text.Length == 5)
                result.everyYear.Add((annual.Month, annual.Day));
            else
                throw new ArgumentException($"Calendar:LocalHolidays entry '{entry}' must be MM-dd (every year) or yyyy-MM-dd (one day).");
        }

        return result;
    }

    public bool Contains(DateOnly day) => days.Contains(day) || everyYear.Contains((day.Month, day.Day));

    public int Count => days.Count + everyYear.Count;
}
