namespace Longshan.Publicity.Decisions;

/// <summary>
/// County time (Asia/Shanghai, UTC+8 all year): dates of legal acts and deadline days are county dates, and a
/// deadline day ends at midnight county time (handbook, API conventions).
/// </summary>
public static class CountyTime
{
    /// <summary>China Standard Time; a fixed UTC+8 zone if the tz database is missing (China has had no DST since 1991).</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>Today's date in the county.</summary>
    public static DateOnly Today(TimeProvider time) => DateOf(time.GetUtcNow());

    /// <summary>The county date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>Whether the deadline day is over: it ends at the end of that day, county time.</summary>
    public static bool HasPassed(DateOnly deadline, DateOnly today) => today > deadline;

    static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "China Standard Time", "CST"); }
    }
}
