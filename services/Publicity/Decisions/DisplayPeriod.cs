namespace Longshan.Publicity.Decisions;

/// <summary>
/// The display period rule (公示期限, [local] Hebei county rule, see <see cref="DisplayPeriodOptions"/>): a decision
/// first published on day P is public while P is later than today minus the period, i.e. it goes offline on the
/// anniversary of P. Public queries apply it through <see cref="Cutoff"/> so that SQL and code agree.
/// </summary>
public static class DisplayPeriod
{
    /// <summary>Years for a party kind (<see cref="DecisionNames.NaturalPerson"/> or organisation).</summary>
    public static int Years(string partyKind, DisplayPeriodOptions options) =>
        partyKind == DecisionNames.NaturalPerson ? options.NaturalPersonYears : options.Years;

    /// <summary>Decisions first published on or before this day are offline today.</summary>
    public static DateOnly Cutoff(string partyKind, DateOnly today, DisplayPeriodOptions options) =>
        today.AddYears(-Math.Max(0, Years(partyKind, options)));

    public static bool IsDisplayed(string partyKind, DateOnly publishedOn, DateOnly today, DisplayPeriodOptions options) =>
        publishedOn > Cutoff(partyKind, today, options);
}
