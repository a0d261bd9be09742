using Longshan.Platform.Calendar;

namespace Longshan.UnitTests.Publicity;

public sealed class HolidayCalendarTests
{
    internal static readonly HolidayCalendar Shipped = HolidayCalendarLoader.LoadShipped();

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Shipped_data_covers_2019_through_2026()
    {
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], Shipped.Years);
    }

    // Spot checks against each year's State Council notice (国务院办公厅关于部分节假日安排的通知).
    [Theory]
    [InlineData("2019-02-02", true)]  // Sat worked before Spring Festival
    [InlineData("2019-02-04", false)] // Spring Festival eve, off
    [InlineData("2019-05-03", false)] // Labour Day as amended 2019-03-22
    [InlineData("2019-05-05", true)]  // Sun worked (amendment)
    [InlineData("2019-10-12", true)]
    [InlineData("2020-01-19", true)]
    [InlineData("2020-01-31", false)] // national COVID-19 extension (国办发明电〔2020〕1号)
    [InlineData("2020-02-01", false)] // Sat no longer worked after the extension
    [InlineData("2020-02-03", true)]
    [InlineData("2020-06-28", true)]
    [InlineData("2020-10-08", false)]
    [InlineData("2021-02-20", true)]
    [InlineData("2021-09-18", true)]
    [InlineData("2021-09-21", false)]
    [InlineData("2022-01-29", true)]
    [InlineData("2022-04-02", true)]
    [InlineData("2022-04-04", false)]
    [InlineData("2022-10-09", true)]
    [InlineData("2023-01-02", false)]
    [InlineData("2023-01-29", true)]
    [InlineData("2023-06-25", true)]
    [InlineData("2023-10-06", false)]
    [InlineData("2024-02-04", true)]  // Sun worked
    [InlineData("2024-02-09", true)]  // eve only "encouraged" as leave
    [InlineData("2024-02-16", false)]
    [InlineData("2024-02-18", true)]  // Sun worked
    [InlineData("2024-04-07", true)]
    [InlineData("2024-09-14", true)]
    [InlineData("2025-01-28", false)]
    [InlineData("2025-02-08", true)]
    [InlineData("2025-04-27", true)]
    [InlineData("2025-05-05", false)]
    [InlineData("2025-10-08", false)]
    [InlineData("2025-10-11", true)]
    [InlineData("2026-01-04", true)]
    [InlineData("2026-02-23", false)]
    [InlineData("2026-02-28", true)]
    [InlineData("2026-05-09", true)]
    [InlineData("2026-09-20", true)]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-03-04", true)]  // ordinary Wednesday
    [InlineData("2026-03-07", false)] // ordinary Saturday
    public void Working_day_status_matches_the_notices(string day, bool working)
    {
        Assert.Equal(working, Shipped.IsWorkingDay(D(day)));
    }

    [Theory]
    [InlineData("2024-09-27", 7, "2024-10-12")] // Sun 9/29 worked, National Day skipped, Sat 10/12 worked
    [InlineData("2025-01-24", 7, "2025-02-10")] // Spring Festival 2025 with Sun 1/26 and Sat 2/8 worked
    [InlineData("2020-01-17", 7, "2020-02-04")] // extended Spring Festival 2020
    [InlineData("2024-02-08", 7, "2024-02-23")]
    [InlineData("2026-02-13", 7, "2026-03-02")]
    [InlineData("2019-04-26", 3, "2019-04-30")]
    [InlineData("2021-09-17", 3, "2021-09-23")]
    [InlineData("2026-09-18", 20, "2026-10-22")]
    [InlineData("2026-03-04", 0, "2026-03-04")]
    public void AddWorkingDays_does_not_count_the_start_day(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Shipped.AddWorkingDays(D(start), days));
        Assert.Equal(days, Shipped.WorkingDaysBetween(D(start), D(expected)));
    }

    [Fact]
    public void Start_on_a_holiday_counts_from_the_next_working_day()
    {
        // Decision on National Day 2024-10-01: first working day is 10/8.
        Assert.Equal(D("2024-10-08"), Shipped.AddWorkingDays(D("2024-10-01"), 1));
    }

    [Fact]
    public void Period_running_into_a_year_without_data_fails_loudly()
    {
        var ex = Assert.Throws<CalendarYearMissingException>(() => Shipped.AddWorkingDays(D("2026-12-28"), 7));
        Assert.Equal(2027, ex.Year);
        Assert.Contains("2027", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_in_a_year_without_data_fails_loudly()
    {
        var ex = Assert.Throws<CalendarYearMissingException>(() => Shipped.IsWorkingDay(D("2018-06-01")));
        Assert.Equal(2018, ex.Year);
    }

    [Fact]
    public void Extra_year_from_configuration_is_merged()
    {
        // Illustrative data only, not the real 2027 arrangement.
        var config = new HolidayYearDefinition
        {
            Year = 2027,
            Notice = "test data",
            Holidays = [new HolidayPeriod { Name = "元旦", From = D("2027-01-01"), To = D("2027-01-03") }],
            AdjustedWorkingDays = [D("2027-01-09")],
        };
        var calendar = Shipped.WithYear(config.ToHolidayYear());

        // 2026-12-28 (Mon): 12/29, 12/30, 12/31, [1/1-1/3 off], 1/4, 1/5, 1/6, 1/7.
        Assert.Equal(D("2027-01-07"), calendar.AddWorkingDays(D("2026-12-28"), 7));
        Assert.True(calendar.IsWorkingDay(D("2027-01-09")));
        Assert.False(Shipped.HasYear(2027));
    }

    [Fact]
    public void Configured_years_via_json_replace_shipped_year()
    {
        const string json = """
            { "years": [ { "year": 2026, "holidays": [ { "name": "test", "from": "2026-03-04", "to": "2026-03-04" } ], "adjustedWorkingDays": [] } ] }
            """;
        var calendar = Shipped.WithYears(HolidayCalendarLoader.ParseYears(json));
        Assert.False(calendar.IsWorkingDay(D("2026-03-04")));
        Assert.True(calendar.IsWorkingDay(D("2026-02-23"))); // shipped 2026 replaced, not merged day by day
    }

    [Fact]
    public void LoadShipped_merges_configured_years()
    {
        var calendar = HolidayCalendarLoader.LoadShipped([new HolidayYearDefinition { Year = 2027 }]);
        Assert.True(calendar.HasYear(2027));
        Assert.True(calendar.IsWorkingDay(D("2027-01-04")));
    }

    [Fact]
    public void Inconsistent_data_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new HolidayCalendar([new HolidayYear(2027, [], [D("2027-01-05")])])); // a Tuesday "worked"
        Assert.Throws<ArgumentException>(() => new HolidayCalendar([new HolidayYear(2027, [D("2026-12-31")], [])])); // wrong year
        Assert.Throws<ArgumentException>(() => new HolidayCalendar([new HolidayYear(2027, [], []), new HolidayYear(2027, [], [])]));
    }

    [Fact]
    public void Negative_day_count_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.AddWorkingDays(D("2026-03-04"), -1));
    }
}
