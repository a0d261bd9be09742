using System.Globalization;

namespace Longshan.Platform.Calendar;

/// <summary>
/// County time: Longshan keeps Beijing time (Asia/Shanghai, UTC+8 all year; no daylight saving since 1991). Dates of
/// legal acts, certificate validity and deadline days are county calendar dates, written <c>YYYY-MM-DD</c>; a deadline
/// day ends at midnight county time.
/// </summary>
public static class CountyTime
{
    /// <summary>China Standard Time; a fixed UTC+8 zone if the tz database is missing.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The county's calendar day now.</summary>
    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The county date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Whether the deadline day is over: it ends at the end of that day, county time.</summary>
    public static bool HasPassed(DateOnly deadline, DateOnly today) => today > deadline;

    /// <summary>A date of a legal act as callers write it, <c>YYYY-MM-DD</c> (surrounding spaces ignored); null when malformed.</summary>
    public static DateOnly? ParseDate(string? text) => TryParseDate(text?.Trim(), out var date) ? date : null;

    /// <summary>A date already checked or stored as <c>YYYY-MM-DD</c>.</summary>
    /// <exception cref="FormatException">It is not.</exception>
    public static DateOnly Date(string text) => ParseDate(text) ?? throw new FormatException($"'{text}' is not a date YYYY-MM-DD.");

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "CST"); }
    }
}
