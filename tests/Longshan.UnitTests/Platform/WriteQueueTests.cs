using Dapper;
using Longshan.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Longshan.UnitTests.Platform;

/// <summary>
/// Group commit on a real SQLite file: writes share commits, a failing write fails alone, and the queue's kept
/// connection compiles each SQL text once while staying correct.
/// </summary>
public sealed class WriteQueueTests : IAsyncLifetime
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        "INSERT INTO audit_log (occurred_at, subject, agency_code, action, target) VALUES ('2026-11-29T00:00:00Z', 's', 'a', 'test', @target)");

    static readonly SqlStatement Targets = SqlStatement.Portable("SELECT target FROM audit_log WHERE action = 'test' ORDER BY target");

    readonly TestDatabase db = new();
    WriteQueue queue = null!;

    public Task InitializeAsync()
    {
        queue = new WriteQueue(db.Database, NullLogger<WriteQueue>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await queue.DisposeAsync();
        db.Dispose();
    }

    Task<int> WriteAsync(string target, bool fail = false) => queue.RunAsync(async session =>
    {
        var rows = await session.ExecuteAsync(Insert, new { target });
        if (fail) throw new InvalidOperationException("this write fails after its insert");
        return rows;
    }, CancellationToken.None);

    async Task<List<string>> TargetsAsync()
    {
        await using var session = await db.Database.ReadAsync(CancellationToken.None);
        return (await session.ListAsync<string>(Targets)).ToList();
    }

    [Fact]
    public async Task Concurrent_writes_are_all_committed_and_each_caller_gets_its_own_result()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => WriteAsync($"t{i:D3}")));

        Assert.All(results, r => Assert.Equal(1, r));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"t{i:D3}"), await TargetsAsync());
    }

    [Fact]
    public async Task A_failing_write_in_a_group_rolls_back_alone_and_the_others_commit()
    {
        var writes = Enumerable.Range(0, 60).Select(i => (Target: $"t{i:D3}", Fails: i % 7 == 3)).ToList();

        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try { await WriteAsync(w.Target, w.Fails); return (w.Target, Failed: false); }
            catch (InvalidOperationException) { return (w.Target, Failed: true); }
        }));

        Assert.Equal(writes.Select(w => w.Fails), outcomes.Select(o => o.Failed));
        Assert.Equal(writes.Where(w => !w.Fails).Select(w => w.Target), await TargetsAsync());
    }

    [Fact]
    public async Task A_write_outside_the_queue_waits_for_the_lock_instead_of_failing_busy()
    {
        var queued = Task.WhenAll(Enumerable.Range(0, 50).Select(i => WriteAsync($"q{i:D3}")));
        await using (var direct = await db.Database.WriteAsync(CancellationToken.None))
        {
            await direct.ExecuteAsync(Insert, new { target = "direct" });
            await direct.CommitAsync();
        }

        await queued;
        Assert.Equal(51, (await TargetsAsync()).Count);
    }

    Task<T> RunAsync<T>(Func<DbSession, Task<T>> work) => queue.RunAsync(work, CancellationToken.None);

    static int Cached(DbSession session) => ((CachedStatementConnection)session.Connection).CachedStatementCount;

    [Fact]
    public async Task Writes_of_the_same_statement_share_one_compiled_command()
    {
        var counts = new List<int>();
        for (var i = 0; i < 20; i++)
            counts.Add(await RunAsync(async session =>
            {
                await session.ExecuteAsync(Insert, new { target = $"t{i:D2}" });
                return Cached(session);
            }));

        // The first write's count misses its savepoint's release, which runs after the work: count from the second.
        Assert.All(counts.Skip(1), c => Assert.Equal(counts[1], c));
        Assert.Equal(20, (await TargetsAsync()).Count);
    }

    [Fact]
    public async Task A_statement_run_again_while_its_reader_is_open_gets_a_command_of_its_own()
    {
        await RunAsync(async session =>
        {
            foreach (var t in new[] { "a", "b", "c" }) await session.ExecuteAsync(Insert, new { target = t });
            return 0;
        });

        var (outer, inner) = await RunAsync(async session =>
        {
            var seen = new List<string>();
            IReadOnlyList<string> again = [];
            await foreach (var target in session.Connection.QueryUnbufferedAsync<string>(session.Sql(Targets), transaction: session.Transaction))
            {
                seen.Add(target);
                if (seen.Count == 1) again = await session.ListAsync<string>(Targets);
            }

            return (seen, again);
        });

        Assert.Equal(["a", "b", "c"], outer);
        Assert.Equal(["a", "b", "c"], inner);
    }

    [Fact]
    public async Task A_cached_statement_still_runs_after_another_connection_changed_the_schema()
    {
        await RunAsync(session => session.ExecuteAsync(Insert, new { target = "before" }));
        await using (var other = new SqliteConnection($"Data Source={db.Path}"))
        {
            await other.OpenAsync();
            await other.ExecuteAsync("ALTER TABLE audit_log ADD COLUMN note TEXT; CREATE INDEX ix_audit_log_note ON audit_log (note);");
        }

        await RunAsync(session => session.ExecuteAsync(Insert, new { target = "after" }));

        Assert.Equal(["after", "before"], await TargetsAsync());
    }

    [Fact]
    public async Task Many_distinct_texts_keep_the_cache_bounded()
    {
        var most = 0;
        for (var i = 0; i < 300; i++)
        {
            var sum = await RunAsync(session => session.ScalarAsync<int>(SqlStatement.Portable($"SELECT {i} + 1")));
            Assert.Equal(i + 1, sum);
            most = Math.Max(most, await RunAsync(session => Task.FromResult(Cached(session))));
        }

        Assert.InRange(most, 1, 256);
    }

    [Fact]
    public async Task A_write_larger_than_the_statement_journal_spill_keeps_its_journal_in_memory_and_still_rolls_back_alone()
    {
        // Each write runs in a savepoint; its undo pages would spill to a temporary file past 64 KiB unless the kept
        // connection keeps temporary storage in memory (Database.StatementJournalInMemory).
        Assert.Equal(2, await RunAsync(session => session.ScalarAsync<int>(SqlStatement.Portable("PRAGMA temp_store"))));
        var big = new string('x', 3000);

        var small = WriteAsync("kept");
        var failing = queue.RunAsync<int>(async session =>
        {
            for (var i = 0; i < 60; i++) await session.ExecuteAsync(Insert, new { target = $"big{i:D2}{big}" }); // about 180 KiB of pages
            throw new InvalidOperationException("this large write fails after its inserts");
        }, CancellationToken.None);

        Assert.Equal(1, await small);
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(["kept"], await TargetsAsync());
    }
}
