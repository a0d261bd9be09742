using Dapper;
using Longshan.Platform.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Longshan.UnitTests.Platform;

/// <summary>The write queue's kept SQLite connection compiles each SQL text once, and stays correct while it does.</summary>
public sealed class CachedStatementConnectionTests : IAsyncLifetime
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        "INSERT INTO audit_log (occurred_at, subject, agency_code, action, target) VALUES ('2026-12-03T00:00:00Z', 's', 'a', 'cache', @target)");

    static readonly SqlStatement Targets = SqlStatement.Portable("SELECT target FROM audit_log WHERE action = 'cache' ORDER BY target");

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

    Task<T> WriteAsync<T>(Func<DbSession, Task<T>> work) => queue.RunAsync(work, CancellationToken.None);

    static int Cached(DbSession session) => ((CachedStatementConnection)session.Connection).CachedStatementCount;

    [Fact]
    public async Task Writes_of_the_same_statement_share_one_compiled_command()
    {
        var counts = new List<int>();
        for (var i = 0; i < 20; i++)
            counts.Add(await WriteAsync(async session =>
            {
                await session.ExecuteAsync(Insert, new { target = $"t{i:D2}" });
                return Cached(session);
            }));

        // The first write's count misses its savepoint's release, which runs after the work: count from the second.
        Assert.All(counts.Skip(1), c => Assert.Equal(counts[1], c));
        Assert.Equal(20, (await WriteAsync(session => session.ListAsync<string>(Targets))).Count);
    }

    [Fact]
    public async Task A_statement_run_again_while_its_reader_is_open_gets_a_command_of_its_own()
    {
        await WriteAsync(async session =>
        {
            foreach (var t in new[] { "a", "b", "c" }) await session.ExecuteAsync(Insert, new { target = t });
            return 0;
        });

        var (outer, inner) = await WriteAsync(async session =>
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
        await WriteAsync(session => session.ExecuteAsync(Insert, new { target = "before" }));
        await using (var other = new SqliteConnection($"Data Source={db.Path}"))
        {
            await other.OpenAsync();
            await other.ExecuteAsync("ALTER TABLE audit_log ADD COLUMN note TEXT; CREATE INDEX ix_audit_log_note ON audit_log (note);");
        }

        await WriteAsync(session => session.ExecuteAsync(Insert, new { target = "after" }));

        Assert.Equal(["after", "before"], await WriteAsync(session => session.ListAsync<string>(Targets)));
    }

    [Fact]
    public async Task Many_distinct_texts_keep_the_cache_bounded()
    {
        var most = 0;
        for (var i = 0; i < 300; i++)
        {
            var sum = await WriteAsync(session => session.ScalarAsync<int>(SqlStatement.Portable($"SELECT {i} + 1")));
            Assert.Equal(i + 1, sum);
            most = Math.Max(most, await WriteAsync(session => Task.FromResult(Cached(session))));
        }

        Assert.InRange(most, 1, 256);
    }
}
