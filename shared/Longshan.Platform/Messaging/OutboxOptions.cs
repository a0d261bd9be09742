namespace Longshan.Platform.Messaging;

/// <summary>Configuration section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Rows claimed and published together; publishes in a batch run concurrently.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How often to look for rows when nobody woke the dispatcher: a write committed by another instance on the same
    /// database is published within this time (the instance's own writes wake it at once).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// The dispatch lease: one instance publishes a database's outbox at a time and renews this lease every third of
    /// it; when it crashes, another instance takes over after this long (at once after a clean stop).
    /// </summary>
    public TimeSpan DispatchLease { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time allowed for one batch's publishes and broker confirms.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Sent rows are deleted after this long; unsent rows are never deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the dispatcher deletes expired sent rows.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Delay before retry number <paramref name="attempts"/> + 1: doubling from the first delay, capped.</summary>
    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(attempts, 20))));
}
