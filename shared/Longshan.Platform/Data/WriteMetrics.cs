using System.Diagnostics.Metrics;

namespace Longshan.Platform.Data;

/// <summary>
/// Meter <c>Longshan.Data</c>: where a write's time goes on the group-commit path (SQLite) — how many writes share a
/// commit, how long their statements ran and how long the durable commit took. The write-path benchmark prints them.
/// </summary>
public static class WriteMetrics
{
    public const string MeterName = "Longshan.Data";

    static readonly Meter Meter = new(MeterName);

    static readonly Histogram<int> GroupSize = Meter.CreateHistogram<int>("longshan.data.write_group.size", "{write}", "Writes that shared one commit");

    static readonly Histogram<double> Statements = Meter.CreateHistogram<double>("longshan.data.write_group.statements", "ms", "Time a group's writes spent in their statements");

    static readonly Histogram<double> Commit = Meter.CreateHistogram<double>("longshan.data.write_group.commit", "ms", "Time of a group's durable commit");

    public static void Record(int writes, TimeSpan statements, TimeSpan commit)
    {
        GroupSize.Record(writes);
        Statements.Record(statements.TotalMilliseconds);
        Commit.Record(commit.TotalMilliseconds);
    }
}
