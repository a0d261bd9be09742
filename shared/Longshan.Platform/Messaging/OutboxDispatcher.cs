using System.Text.Json;
using Longshan.Platform.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Longshan.Platform.Messaging;

/// <summary>A committed outbox row waiting to be published.</summary>
public sealed class PendingMessage
{
    public long Sequence { get; set; }
    public Guid EventId { get; set; }
    public string AgencyCode { get; set; } = "";
    public string EventType { get; set; } = "";
    public string Body { get; set; } = "";
    public string? TraceParent { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
}

/// <summary>Publishes one outbox row to the broker and returns once the broker confirmed it.</summary>
public interface IOutboxPublisher
{
    Task PublishAsync(PendingMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// Moves committed outbox rows to the broker. One dispatcher per database holds the dispatch lease
/// (<see cref="DispatchLease"/>), so with several instances on one database events still leave in sequence order and
/// none twice while the holder lives; a crashed holder's lease expires and another instance takes over.
/// The holder reads pending rows in sequence order (a read: no commit), publishes a batch concurrently with publisher
/// confirms, and marks confirmed rows sent with a deferred write that shares the next group commit of requests
/// (<see cref="WriteQueue.Defer"/>), so dispatching costs requests no durable commit of their own. Until that mark is
/// committed the rows are remembered here and not published again; after a crash before it, they are published again
/// (at least once: every consumer is idempotent by event id). Failed rows get a later attempt with doubling back-off;
/// rows are never deleted or skipped on failure: while the broker is down they wait.
/// </summary>
public sealed class OutboxDispatcher(
    WriteQueue writes, Database database, IOutboxPublisher publisher, OutboxSignal signal, OutboxOptions options, TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    /// <summary>Pending rows in sequence order. READPAST: a row whose transaction is still open is read next time.</summary>
    static readonly SqlStatement Pending = new(
        """
        SELECT sequence, event_id, agency_code, event_type, body, trace_parent, attempts, occurred_at FROM outbox_messages
        WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
        ORDER BY sequence LIMIT @limit
        """,
        """
        SELECT TOP (@limit) sequence, event_id, agency_code, event_type, body, trace_parent, attempts, occurred_at
        FROM dbo.outbox_messages WITH (READPAST)
        WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
        ORDER BY sequence;
        """);

    /// <summary>
    /// Per agency, the first row waiting for a retry: the agency's later rows wait behind it, so a subscriber never
    /// sees an agency's events out of order because one publish failed.
    /// </summary>
    static readonly SqlStatement Blocked = new(
        """
        SELECT agency_code AS AgencyCode, MIN(sequence) AS Sequence FROM outbox_messages
        WHERE sent_at IS NULL AND next_attempt_at > @now GROUP BY agency_code
        """,
        """
        SELECT agency_code AS AgencyCode, MIN(sequence) AS Sequence FROM dbo.outbox_messages WITH (READPAST)
        WHERE sent_at IS NULL AND next_attempt_at > @now GROUP BY agency_code;
        """);

    /// <summary>Deletes sent rows older than the retention, a bounded batch at a time.</summary>
    static readonly SqlStatement Purge = new(
        "DELETE FROM outbox_messages WHERE sequence IN (SELECT sequence FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < @cutoff LIMIT 1000)",
        "DELETE TOP (1000) FROM dbo.outbox_messages WHERE sent_at IS NOT NULL AND sent_at < @cutoff");

    /// <summary>Marks a batch sent in one statement: the sequences travel as one JSON array.</summary>
    static readonly SqlStatement MarkSent = new(
        "UPDATE outbox_messages SET sent_at = @sentAt, last_error = NULL WHERE sequence IN (SELECT value FROM json_each(@sequences))",
        "UPDATE dbo.outbox_messages SET sent_at = @sentAt, last_error = NULL WHERE sequence IN (SELECT CAST(value AS BIGINT) FROM OPENJSON(@sequences))");

    static readonly SqlStatement MarkFailed = SqlStatement.Portable(
        "UPDATE outbox_messages SET attempts = attempts + 1, next_attempt_at = @NextAttemptAt, last_error = @Error WHERE sequence = @Sequence");

    readonly DispatchLease lease = new(writes, options);

    /// <summary>Rows confirmed by the broker whose sent mark is not committed yet.</summary>
    readonly HashSet<long> awaitingMark = [];

    DateTimeOffset nextPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await DispatchBatchAsync(stoppingToken);
                if (published == 0 && lease.Held && time.GetUtcNow() >= nextPurge)
                {
                    await PurgeSentAsync(stoppingToken);
                    nextPurge = time.GetUtcNow() + options.PurgeInterval;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Outbox dispatch failed; rows stay pending");
            }

            if (published == 0)
            {
                try { await signal.WaitAsync(options.PollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Gives the lease up on a clean stop, so another instance takes over at once.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try { await lease.ReleaseAsync(cancellationToken); }
        catch (Exception ex) { logger.LogWarning(ex, "Outbox: the dispatch lease could not be released; it expires by itself"); }
    }

    /// <summary>
    /// Publishes one batch when this dispatcher holds the lease. Returns how many rows were published; their sent marks
    /// are committed with the next group of writes (<see cref="WriteQueue.FlushAsync"/> waits for them).
    /// </summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        if (!await lease.HoldAsync(cancellationToken)) return 0;
        var batch = await ReadPendingAsync(cancellationToken);
        if (batch.Count == 0) return 0;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeout);
        var errors = await PublishInOrderPerAgencyAsync(batch, timeout.Token);

        await RecordAsync(batch, errors, cancellationToken);
        return errors.Count(e => e is null);
    }

    /// <summary>Deletes rows sent before now − retention. Returns how many were deleted.</summary>
    public async Task<int> PurgeSentAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Retention;
        var total = 0;
        for (var deleted = -1; deleted != 0; total += deleted)
        {
            deleted = await writes.RunAsync(session => session.ExecuteAsync(Purge, new { cutoff }), cancellationToken);
        }
        if (total > 0) logger.LogInformation("Outbox: deleted {Count} events sent before {Cutoff}", total, cutoff);
        return total;
    }

    async Task<List<PendingMessage>> ReadPendingAsync(CancellationToken cancellationToken)
    {
        // Taken before the read: a row leaves this set only after its mark is committed, so a row the read still sees
        // as pending is either in the snapshot or was never published.
        HashSet<long> published;
        lock (awaitingMark) published = [.. awaitingMark];
        var now = time.GetUtcNow();
        await using var session = await database.ReadAsync(cancellationToken);
        var rows = await session.ListAsync<PendingMessage>(Pending, new { now, limit = options.BatchSize + published.Count });
        if (rows.Count == 0) return [];
        var blocked = (await session.ListAsync<BlockedAgency>(Blocked, new { now })).ToDictionary(b => b.AgencyCode, b => b.Sequence, StringComparer.Ordinal);
        return rows.Where(r => !published.Contains(r.Sequence) && !(blocked.TryGetValue(r.AgencyCode, out var first) && first < r.Sequence))
            .Take(options.BatchSize).ToList();
    }

    /// <summary>
    /// One agency's events one after another, each confirmed before the next (so they leave in sequence order; after a
    /// failure the agency's later events wait for the next batch); agencies side by side.
    /// </summary>
    async Task<string?[]> PublishInOrderPerAgencyAsync(IReadOnlyList<PendingMessage> batch, CancellationToken cancellationToken)
    {
        var errors = new string?[batch.Count];
        var skipped = new bool[batch.Count];
        await Task.WhenAll(Enumerable.Range(0, batch.Count).GroupBy(i => batch[i].AgencyCode, StringComparer.Ordinal).Select(async agency =>
        {
            var failed = false;
            foreach (var i in agency)
            {
                if (failed) { skipped[i] = true; continue; }
                errors[i] = await TryPublishAsync(batch[i], cancellationToken);
                failed = errors[i] is not null;
            }
        }));
        for (var i = 0; i < batch.Count; i++)
            if (skipped[i]) errors[i] = NotTried;
        return errors;
    }

    /// <summary>A row left for the next batch behind a failed one of its agency: neither sent nor failed.</summary>
    const string NotTried = "";

    async Task<string?> TryPublishAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await publisher.PublishAsync(message, cancellationToken);
            return null;
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    async Task RecordAsync(IReadOnlyList<PendingMessage> batch, string?[] errors, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var sent = batch.Where((_, i) => errors[i] is null).Select(m => m.Sequence).ToList();
        var failed = batch.Select((m, i) => (m, error: errors[i])).Where(x => x.error is not null and not NotTried)
            .Select(x => new { x.m.Sequence, NextAttemptAt = now + options.RetryDelay(x.m.Attempts), Error = Truncate(x.error!) })
            .ToList();

        if (sent.Count > 0) MarkSentLater(sent, now);
        if (failed.Count > 0) await writes.RunAsync(session => session.ExecuteAsync(MarkFailed, failed), cancellationToken);

        OutboxMetrics.Record(sent.Count, failed.Count, batch.Where((_, i) => errors[i] is null).Select(m => now - m.OccurredAt));
        if (failed.Count > 0)
            logger.LogWarning("Outbox: {Failed} of {Total} events not confirmed by the broker; next attempt after {Delay}. First error: {Error}",
                failed.Count, batch.Count, failed[0].NextAttemptAt - now, failed[0].Error);
    }

    void MarkSentLater(List<long> sequences, DateTimeOffset sentAt)
    {
        lock (awaitingMark) awaitingMark.UnionWith(sequences);
        var parameters = new { sentAt, sequences = JsonSerializer.Serialize(sequences) };
        _ = writes.Defer(session => session.ExecuteAsync(MarkSent, parameters)).ContinueWith(_ =>
        {
            // Committed, or failed (logged by the queue): either way the rows' state is in the database again.
            lock (awaitingMark) awaitingMark.ExceptWith(sequences);
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    sealed class BlockedAgency
    {
        public string AgencyCode { get; set; } = "";
        public long Sequence { get; set; }
    }

    static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
