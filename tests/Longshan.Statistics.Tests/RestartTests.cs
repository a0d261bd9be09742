using Longshan.Contracts.Events;
using Longshan.Statistics.Tests.Support;

namespace Longshan.Statistics.Tests;

/// <summary>
/// Statistics stopped in the middle of 1,000 events (the app disposed while consumers are committing) and started
/// again on the same SQLite file and the same durable queues: none lost, none counted twice, the cursor dense.
/// </summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Killed_in_the_middle_of_1000_events_and_restarted_none_is_lost_or_counted_twice()
    {
        var agency = CreditCodes.New();
        var events = Enumerable.Range(0, 1000).Select(i => (IntegrationEvent)(i % 5 == 4 ? Events.Review(agency) : Events.Decision(agency, "penalty"))).ToList();
        // Its own file: an app deletes the file of its own (default) path when disposed.
        var path = Path.Combine(Path.GetTempPath(), $"longshan-statistics-restart-{Guid.NewGuid():N}.db");
        string broker;
        long beforeKill;

        using (var first = new StatisticsHost(path, null, kestrel: false))
        {
            first.Start();
            broker = first.Broker;
            await using var publisher = await BrokerPublisher.ConnectAsync(broker);
            // The first 600, and 100 of them a second time (redeliveries), while the service consumes.
            foreach (var e in events.Take(600).Concat(events.Take(100))) await publisher.PublishAsync(e);
            await Eventually.HoldsAsync(async () => await first.ScalarAsync("SELECT COUNT(*) FROM event_journal") >= 150, "some journalled");
            // Killed while it consumes; the other 400 (and 100 repeats) are published meanwhile and wait in the queues.
            var kill = Task.Run(first.Dispose);
            foreach (var e in events.Skip(600).Concat(events.Skip(500).Take(100))) await publisher.PublishAsync(e);
            await kill;
            beforeKill = await CountAsync(path, "SELECT COUNT(*) FROM event_journal");
        }
        Assert.InRange(beforeKill, 150, 999);

        using var second = new StatisticsHost(path, broker, kestrel: false);
        second.Start();
        await Eventually.HoldsAsync(async () => await second.ScalarAsync("SELECT COUNT(*) FROM event_journal WHERE position IS NOT NULL") == 1000, "all 1000 journalled and positioned");
        await Task.Delay(1000);

        Assert.Equal(1000, await second.ScalarAsync("SELECT COUNT(*) FROM event_journal"));
        Assert.Equal(1000, await second.ScalarAsync("SELECT COUNT(DISTINCT event_id) FROM event_journal"));
        Assert.Equal(1000, await second.ScalarAsync("SELECT MAX(position) FROM event_journal"));
        Assert.Equal(800, await second.ScalarAsync("SELECT registered FROM decision_counts WHERE agency_code = @agency AND category = 'penalty'", new { agency }));
        Assert.Equal(200, await second.ScalarAsync("SELECT completed FROM review_counts WHERE agency_code = @agency AND outcome = 'approve'", new { agency }));

        // The feed of the restarted service: every event once, cursors 1..1000.
        await using var follower = FeedFollower.Start(second.Feed, new() { AfterCursor = 0 });
        var seen = await follower.WaitForAsync(1000);
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => (long)i), seen.Select(e => e.Cursor));
        Assert.Equal(events.Select(e => e.EventId.ToString("D")).Order(), seen.Select(e => e.EventId).Order());
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
    }

    static async Task<long> CountAsync(string path, string sql)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
