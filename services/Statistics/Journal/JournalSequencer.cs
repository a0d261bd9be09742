using Longshan.Platform.Data;

namespace Longshan.Statistics.Journal;

/// <summary>Configuration section <c>Journal</c>.</summary>
public sealed class JournalOptions
{
    /// <summary>Rows given a position per sequencer transaction.</summary>
    public int SequenceBatchSize { get; set; } = 1000;

    /// <summary>
    /// How often the sequencer looks for unpositioned rows without being woken: rows journalled by another instance on
    /// the same SQL Server database, or left by a stop between a consumer's commit and the sequencer's.
    /// </summary>
    public TimeSpan SequencePollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// The journal's single sequencer: the one step that gives events their feed cursor (<c>position</c>).
///
/// Why a separate step: consumers journal events concurrently. Had each taken an auto-increment cursor in its own
/// transaction, a transaction that took cursor 7 could commit after one that took cursor 8, and a follower that had
/// read "after 6" and seen 8 would skip 7 for ever. Here a consumer's row has no position until it is committed; the
/// sequencer then positions committed rows in one transaction at a time (SQL Server: an exclusive application lock
/// held to commit; SQLite: the single writer), each continuing from the last committed position. So positions become
/// visible in order, densely (1, 2, 3, …), and "position &gt; c" never skips one. The cost is one short extra
/// transaction per batch and the time until the sequencer runs (it is woken by each consumer's commit).
/// </summary>
public sealed class JournalSequencer(WriteQueue writes, JournalHead head, JournalOptions options, ILogger<JournalSequencer> logger) : BackgroundService
{
    readonly SemaphoreSlim signal = new(0, 1);

    /// <summary>Called after a consumer committed a journal row.</summary>
    public void Wake()
    {
        try { signal.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var positioned = 0;
            try
            {
                positioned = await SequenceOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Journal sequencing failed; the rows stay unpositioned and are retried");
            }

            if (positioned < options.SequenceBatchSize)
            {
                try { await signal.WaitAsync(options.SequencePollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Positions one batch of committed rows and tells the feed. Returns how many rows got a position.</summary>
    public async Task<int> SequenceOnceAsync(CancellationToken cancellationToken)
    {
        var positioned = await writes.RunAsync(session => JournalStore.SequenceAsync(session, options.SequenceBatchSize), cancellationToken);
        if (positioned > 0) head.Advanced();
        return positioned;
    }
}
