using Longshan.Platform.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Longshan.Platform.Messaging;

/// <summary>A committed outbox row waiting to be published.</summary>
public sealed class PendingMessage
{
    public long Sequence { get; set; }
    public Guid EventId { get; set; }
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
/// Moves committed outbox rows to the broker: claims a batch in sequence order (a lease, so several instances
/// can share one database), publishes the batch concurrently with publisher confirms, marks confirmed rows sent
/// and gives failed rows a later attempt with doubling back-off. Rows are never deleted or skipped on failure:
/// while the broker is down they wait.
/// </summary>
public sealed class OutboxDispatcher(
    WriteQueue writes, IOutboxPublisher publisher, OutboxSignal signal, OutboxOptions options, TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    static readonly SqlStatement Claim = new(
        """
        UPDATE outbox_messages SET next_attempt_at = @leaseUntil
        WHERE sequence IN (
            SELECT sequence FROM outbox_messages
            WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
            ORDER BY sequence LIMIT @batchSize)
        RETURNING sequence, event_id, event_type, body, trace_parent, attempts, occurred_at
        """,
        """
        WITH next AS (
            SELECT TOP (@batchSize) sequence, event_id, event_type, body, trace_parent, attempts, occurred_at, next_attempt_at
            FROM dbo.outbox_messages WITH (ROWLOCK, UPDLOCK, READPAST)
            WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= @now)
            ORDER BY sequence)
        UPDATE next SET next_attempt_at = @leaseUntil
        OUTPUT inserted.sequence, inserted.event_id, inserted.event_type, inserted.body, inserted.trace_parent, inserted.attempts, inserted.occurred_at;
        """);

    /// <summary>Deletes sent rows older than the retention, a bounded batch at a time.</summary>
    static readonly SqlStatement Purge = new(
        "DELETE FROM outbox_messages WHERE sequence IN (SELECT sequence FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < @cutoff LIMIT 1000)",
        "DELETE TOP (1000) FROM dbo.outbox_messages WHERE sent_at IS NOT NULL AND sent_at < @cutoff");

    DateTimeOffset nextPurge = DateTimeOffset.MinValue;

    static readonly SqlStatement MarkSent = SqlStatement.Portable(
        "UPDATE outbox_messages SET sent_at = @sentAt, last_error = NULL WHERE sequence = @Sequence");

    static readonly SqlStatement MarkFailed = SqlStatement.Portable(
        "UPDATE outbox_messages SET attempts = attempts + 1, next_attempt_at = @NextAttemptAt, last_error = @Error WHERE sequence = @Sequence");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try
            {
                published = await DispatchBatchAsync(stoppingToken);
                if (published == 0 && time.GetUtcNow() >= nextPurge)
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

    /// <summary>Claims and publishes one batch. Returns how many rows were published.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        var batch = await ClaimAsync(cancellationToken);
        if (batch.Count == 0) return 0;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.PublishTimeout);
        // Publishes start in sequence order; they complete (are confirmed) concurrently.
        var errors = await Task.WhenAll(batch.Select(m => TryPublishAsync(m, timeout.Token)));

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

    async Task<List<PendingMessage>> ClaimAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Claims and marks go through the write queue: on SQLite they share a commit with the requests' writes.
        var rows = await writes.RunAsync(session =>
            session.ListAsync<PendingMessage>(Claim, new { now, leaseUntil = now + options.Lease, batchSize = options.BatchSize }), cancellationToken);
        return rows.OrderBy(r => r.Sequence).ToList();
    }

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
        var sent = batch.Where((_, i) => errors[i] is null).Select(m => new { m.Sequence, sentAt = now }).ToList();
        var failed = batch.Select((m, i) => (m, error: errors[i])).Where(x => x.error is not null)
            .Select(x => new { x.m.Sequence, NextAttemptAt = now + options.RetryDelay(x.m.Attempts), Error = Truncate(x.error!) })
            .ToList();

        await writes.RunAsync(async session =>
        {
            if (sent.Count > 0) await session.ExecuteAsync(MarkSent, sent);
            if (failed.Count > 0) await session.ExecuteAsync(MarkFailed, failed);
            return 0;
        }, cancellationToken);

        OutboxMetrics.Record(sent.Count, failed.Count, batch.Where((_, i) => errors[i] is null).Select(m => now - m.OccurredAt));
        if (failed.Count > 0)
            logger.LogWarning("Outbox: {Failed} of {Total} events not confirmed by the broker; next attempt after {Delay}. First error: {Error}",
                failed.Count, batch.Count, failed[0].NextAttemptAt - now, failed[0].Error);
    }

    static string Truncate(string error) => error.Length <= 2000 ? error : error[..2000];
}
