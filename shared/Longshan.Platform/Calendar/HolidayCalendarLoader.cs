using System.Text.Json;

namespace Longshan.Platform.Calendar;

/// <summary>
/// Reads the holiday data document (<c>holidays.json</c> shape: <c>{ "years": [ HolidayYearDefinition, … ] }</c>)
/// into a <see cref="HolidayCalendar"/>. Dates are ISO <c>yyyy-MM-dd</c>; property names are camelCase.
/// </summary>
public static class HolidayCalendarLoader
{
    /// <summary>Manifest resource name under which <c>Calendar/holidays.json</c> must be embedded.</summary>
    public const string ShippedResourceName = "Longshan.Platform.Calendar.holidays.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Builds a calendar from a JSON document.</summary>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    /// <exception cref="ArgumentException">The data is inconsistent (see <see cref="HolidayYear.Validate"/>).</exception>
    public static HolidayCalendar FromJson(string json) => new(ParseYears(json));

    /// <summary>Builds a calendar from a UTF-8 JSON stream.</summary>
    public static HolidayCalendar FromJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var document = JsonSerializer.Deserialize<HolidayDocument>(utf8Json, Options);
        return new HolidayCalendar(ToYears(document));
    }

    /// <summary>Parses a JSON document into years, e.g. to merge with <see cref="HolidayCalendar.WithYears"/>.</summary>
    public static IReadOnlyList<HolidayYear> ParseYears(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ToYears(JsonSerializer.Deserialize<HolidayDocument>(json, Options));
    }

    /// <summary>
    /// The data shipped inside this assembly (years 2019–2026), optionally extended or corrected by
    /// <paramref name="configuredYears"/> (configuration wins for a year present in both).
    /// </summary>
    /// <exception cref="InvalidOperationException">The resource is not embedded under <see cref="ShippedResourceName"/>.</exception>
    public static HolidayCalendar LoadShipped(IEnumerable<HolidayYearDefinition>? configuredYears = null)
    {
        using var stream = typeof(HolidayCalendar).Assembly.GetManifestResourceStream(ShippedResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ShippedResourceName}' is missing from {typeof(HolidayCalendar).Assembly.GetName().Name}.");
        var calendar = FromJson(stream);
        return configuredYears is null ? calendar : calendar.WithYears(configuredYears.Select(y => y.ToHolidayYear()));
    }

    private static List<HolidayYear> ToYears(HolidayDocument? document)
    {
        if (document?.Years is null)
        {
            throw new JsonException("Holiday document has no 'years' array.");
        }

        return [.. document.Years.Select(y => y.ToHolidayYear())];
    }

    private sealed class HolidayDocument
    {
        public string? Description { get; set; }

        public string? Note { get; set; }

        public List<HolidayYearDefinition>? Years { get; set; }
    }
}
