using System.Diagnostics.Metrics;

namespace Longshan.Platform.Messaging;

/// <summary>
/// Meter <c>Longshan.Outbox</c>: what operators watch in the dashboard to spot stuck events — events published,
/// publish attempts that failed (the broker is down or refusing), and how long events waited in the outbox.
/// </summary>
public static class OutboxMetrics
{
    static readonly Meter Meter = new("Longshan.Outbox");

    static readonly Counter<long> Published = Meter.CreateCounter<long>("longshan.outbox.published", "{event}", "Events confirmed by the broker");

    static readonly Counter<long> Failed = Meter.CreateCounter<long>("longshan.outbox.failed", "{event}", "Publish attempts not confirmed; the events stay pending");

    static readonly Histogram<double> Lag = Meter.CreateHistogram<double>("longshan.outbox.lag", "s", "Time from the committed change to the broker's confirm");

    public static void Record(int published, int failed, IEnumerable<TimeSpan> lags)
    {
        if (published > 0) Published.Add(published);
        if (failed > 0) Failed.Add(failed);
        foreach (var lag in lags) Lag.Record(lag.TotalSeconds);
    }
}
