using Longshan.Publicity.Decisions;

namespace Longshan.UnitTests.Publicity;

public sealed class DecisionDisplayPeriodTests
{
    static readonly DisplayPeriodOptions Hebei = new();
    static readonly DateOnly Published = new(2026, 11, 27);

    [Theory]
    [InlineData(DecisionNames.NaturalPerson, "2028-11-26", true)]
    [InlineData(DecisionNames.NaturalPerson, "2028-11-27", false)] // offline on the second anniversary
    [InlineData(DecisionNames.Organisation, "2028-11-27", true)]
    [InlineData(DecisionNames.Organisation, "2031-11-26", true)]
    [InlineData(DecisionNames.Organisation, "2031-11-27", false)]
    public void Natural_persons_go_offline_after_two_years_others_after_five(string partyKind, string today, bool displayed) =>
        Assert.Equal(displayed, DisplayPeriod.IsDisplayed(partyKind, Published, DateOnly.Parse(today), Hebei));

    [Fact]
    public void The_periods_are_configuration()
    {
        var longer = new DisplayPeriodOptions { Years = 10, NaturalPersonYears = 3 };

        Assert.True(DisplayPeriod.IsDisplayed(DecisionNames.NaturalPerson, Published, new DateOnly(2029, 11, 26), longer));
        Assert.False(DisplayPeriod.IsDisplayed(DecisionNames.NaturalPerson, Published, new DateOnly(2029, 11, 27), longer));
        Assert.Equal(new DateOnly(2016, 11, 27), DisplayPeriod.Cutoff(DecisionNames.Organisation, Published, longer));
    }
}
