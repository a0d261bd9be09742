using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Longshan.Platform.Data;

/// <summary>
/// Group commit for the service's writes. On SQLite (one writer per file) every write waits its turn anyway, and a
/// durable commit (an fsync) costs far more than the statements before it; so one loop takes the writes that are
/// waiting, runs each in its own savepoint of one transaction, commits once, and only then answers each caller.
/// A write that fails rolls back to its savepoint and fails alone; a failed commit fails every write of the group,
/// none of which is then stored. The loop keeps one SQLite connection open whose statements are compiled once
/// (<see cref="CachedStatementConnection"/>). On SQL Server the server groups commits itself: each write gets its own
/// transaction and nothing depends on a single writer.
/// Bookkeeping that nobody waits on (the outbox's sent marks) is <see cref="Defer"/>red: it rides along with the next
/// group of requests instead of paying a durable commit of its own, or commits alone after <see cref="MaxDeferral"/>.
/// </summary>
public sealed class WriteQueue : IAsyncDisposable
{
    /// <summary>At most this many writes share one commit, so one group's latency stays bounded.</summary>
    public const int MaxGroup = 128;

    /// <summary>The longest a deferred write waits for requests to share their commit with.</summary>
    public static readonly TimeSpan MaxDeferral = TimeSpan.FromMilliseconds(100);

    readonly Database database;
    readonly ILogger<WriteQueue> logger;
    readonly Channel<PendingWrite> pending = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    readonly Task? loop;

    /// <summary>The loop's one SQLite connection, kept open so that each statement is compiled once; reopened after a failure.</summary>
    CachedStatementConnection? connection;

    public WriteQueue(Database database, ILogger<WriteQueue> logger)
    {
        this.database = database;
        this.logger = logger;
        if (database.Dialect == SqlDialect.Sqlite) loop = Task.Run(RunGroupsAsync);
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction and returns its result once it is committed.</summary>
    public async Task<T> RunAsync<T>(Func<DbSession, Task<T>> work, CancellationToken cancellationToken)
    {
        if (loop is null) return await RunAloneAsync(work, cancellationToken);
        var write = new PendingWrite<T>(work, Activity.Current, cancellationToken);
        ObjectDisposedException.ThrowIf(!pending.Writer.TryWrite(write), this);
        return await write.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> with the next group of writes, or alone once it has waited <see cref="MaxDeferral"/>;
    /// the task completes once it is committed or has failed (a failure is logged here, not thrown: nobody waits on it).
    /// </summary>
    public Task Defer(Func<DbSession, Task> work)
    {
        async Task<int> Run(DbSession session)
        {
            await work(session);
            return 0;
        }

        if (loop is null) return LogFailure(RunAloneAsync(Run, CancellationToken.None));
        var write = new PendingWrite<int>(Run, Activity.Current, CancellationToken.None, deferred: true);
        ObjectDisposedException.ThrowIf(!pending.Writer.TryWrite(write), this);
        return LogFailure(write.Completion.Task);
    }

    async Task LogFailure(Task task)
    {
        try { await task; }
        catch (Exception e) { logger.LogWarning(e, "A deferred write failed; it is not stored"); }
    }

    /// <summary>
    /// Completes once every write queued before it, deferred ones included, is committed (SQLite; on SQL Server a
    /// deferred write runs at once on its own).
    /// </summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => RunAsync(_ => Task.FromResult(0), cancellationToken);

    async Task<T> RunAloneAsync<T>(Func<DbSession, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var session = await database.WriteAsync(cancellationToken);
        var result = await work(session);
        await session.CommitAsync();
        return result;
    }

    async Task RunGroupsAsync()
    {
        var group = new List<PendingWrite>(MaxGroup);
        while (await pending.Reader.WaitToReadAsync())
        {
            Take(group);
            if (group.Count == 0) continue;
            if (group.TrueForAll(w => w.Deferred))
            {
                // Only bookkeeping so far: give the next request a moment to share the commit.
                await Task.WhenAny(pending.Reader.WaitToReadAsync().AsTask(), Task.Delay(MaxDeferral));
                Take(group);
            }

            await RunGroupAsync(group);
            group.Clear();
        }
    }

    void Take(List<PendingWrite> group)
    {
        while (group.Count < MaxGroup && pending.Reader.TryRead(out var write))
            if (!write.CancelIfRequested()) group.Add(write);
    }

    async Task RunGroupAsync(List<PendingWrite> group)
    {
        var outer = Activity.Current;
        try
        {
            connection ??= await database.OpenKeptWriteConnectionAsync(CancellationToken.None);
            await using var session = await database.WriteAsync(connection, CancellationToken.None);
            var started = Stopwatch.GetTimestamp();
            foreach (var write in group)
            {
                // The write runs in the caller's trace, so its audit and outbox rows carry the caller's trace id.
                Activity.Current = write.Activity;
                await write.RunInSavepointAsync(session);
            }

            Activity.Current = outer;
            var statements = Stopwatch.GetElapsedTime(started);
            await session.CommitAsync();
            WriteMetrics.Record(group.Count, statements, Stopwatch.GetElapsedTime(started) - statements);
        }
        catch (Exception e)
        {
            Activity.Current = outer;
            logger.LogError(e, "A group of {Count} writes failed to commit; none of them is stored", group.Count);
            // A connection that failed a commit may be in any state: the next group starts on a fresh one.
            connection?.Dispose();
            connection = null;
            foreach (var write in group) write.Fail(e);
            return;
        }

        foreach (var write in group) write.Complete();
    }

    public async ValueTask DisposeAsync()
    {
        pending.Writer.TryComplete();
        if (loop is not null) await loop;
        connection?.Dispose();
    }

    abstract class PendingWrite(bool deferred)
    {
        /// <summary>Bookkeeping nobody waits on (<see cref="Defer"/>).</summary>
        public bool Deferred => deferred;

        public abstract Activity? Activity { get; }
        /// <summary>A write whose caller gave up before it started is answered as cancelled and never run.</summary>
        public abstract bool CancelIfRequested();
        public abstract Task RunInSavepointAsync(DbSession session);
        public abstract void Complete();
        public abstract void Fail(Exception e);
    }

    sealed class PendingWrite<T>(Func<DbSession, Task<T>> work, Activity? activity, CancellationToken cancellationToken, bool deferred = false)
        : PendingWrite(deferred)
    {
        T? result;
        Exception? failure;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override Activity? Activity => activity;

        public override bool CancelIfRequested()
        {
            if (!cancellationToken.IsCancellationRequested) return false;
            Completion.TrySetCanceled(cancellationToken);
            return true;
        }

        public override async Task RunInSavepointAsync(DbSession session)
        {
            try
            {
                result = await session.InSavepointAsync(() => work(session));
            }
            catch (Exception e)
            {
                failure = e;
            }
        }

        /// <summary>After the commit: the write's own failure (its savepoint was rolled back) or its result.</summary>
        public override void Complete()
        {
            if (failure is not null) Completion.TrySetException(failure);
            else Completion.TrySetResult(result!);
        }

        public override void Fail(Exception e) => Completion.TrySetException(failure ?? e);
    }
}
