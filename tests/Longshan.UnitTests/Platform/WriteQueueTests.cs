using Dapper;
using Longshan.Platform.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace Longshan.UnitTests.Platform;

/// <summary>Group commit on a real SQLite file: writes share commits, and a failing write fails alone.</summary>
public sealed class WriteQueueTests : IAsyncLifetime
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        "INSERT INTO audit_log (occurred_at, subject, agency_code, action, target) VALUES ('2026-11-29T00:00:00Z', 's', 'a', 'test', @target)");

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
        return (await session.Connection.QueryAsync<string>("SELECT target FROM audit_log WHERE action = 'test' ORDER BY target")).ToList();
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
}
