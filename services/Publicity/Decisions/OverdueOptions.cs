namespace Longshan.Publicity.Decisions;

/// <summary>Configuration section <c>Publicity:Overdue</c>: how often the deadline watch looks for overdue decisions.</summary>
public sealed class OverdueOptions
{
    public const string Section = "Publicity:Overdue";

    /// <summary>
    /// Time between sweeps. A deadline day ends at midnight county time; the overdue event follows within this interval.
    /// </summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
