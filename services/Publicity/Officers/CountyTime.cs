using System.Globalization;

namespace Longshan.Publicity.Officers;

/// <summary>
/// County time: Longshan keeps Beijing time (Asia/Shanghai, UTC+8, no daylight saving since 1991). Dates of legal
/// acts and certificate validity are county calendar dates, written <c>YYYY-MM-DD</c>.
/// </summary>
public static class CountyTime
{
    static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>The county's calendar day now.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "CST"); }
    }
}
