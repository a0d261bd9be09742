namespace Longshan.Publicity.Decisions;

/// <summary>
/// 公示期限 [local] — how long a published decision stays on public channels, configuration section
/// <c>Publicity:DisplayPeriod</c>. Defaults: the Hebei county rule in the handbook (offline after 5 years,
/// 2 years when the party is a natural person), counted from the day of first publication.
/// </summary>
public sealed class DisplayPeriodOptions
{
    public const string Section = "Publicity:DisplayPeriod";

    /// <summary>Years a decision about an organisation stays public.</summary>
    public int Years { get; set; } = 5;

    /// <summary>Years a decision about a natural person stays public.</summary>
    public int NaturalPersonYears { get; set; } = 2;
}
