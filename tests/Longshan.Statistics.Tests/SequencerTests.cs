using Longshan.Contracts.Events;
using Longshan.Platform.Data;
using Longshan.Statistics.Journal;
using Longshan.Statistics.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Longshan.Statistics.Tests;

/// <summary>
/// The cursor never skips: with writers committing journal rows concurrently (each its own transaction, as consumers
/// do) while the sequencer positions them, a follower reading "after its cursor" all the while sees every position
/// 1, 2, 3, … exactly once, in order, and every written event. (On SQLite the single writer serialises the commits;
/// the design that makes this hold on SQL Server too is in JournalSequencer.)
/// </summary>
public sealed class SequencerTests(StatisticsApp app) : IClassFixture<StatisticsApp>
{
    [Fact]
    public async Task A_follower_reading_while_writers_commit_concurrently_sees_every_position_once_in_order()
    {
        app.Start();
        var database = app.Services.GetRequiredService<Database>();
        var sequencer = app.Services.GetRequiredService<JournalSequencer>();
        const int Writers = 8, PerWriter = 100, Total = Writers * PerWriter;
        var agency = CreditCodes.New();
        long start;
        await using (var session = await database.ReadAsync(CancellationToken.None)) start = await JournalStore.HeadAsync(session);

        var written = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                IntegrationEvent e = (i % 3) switch { 0 => Events.Decision(agency), 1 => Events.Review(agency), _ => Events.Officer(agency) };
                await using (var session = await database.WriteAsync(CancellationToken.None))
                {
                    Assert.True(await JournalStore.AppendAsync(session, e, "{}", DateTimeOffset.UtcNow));
                    await session.CommitAsync();
                }
                written.Add(e.EventId);
                if (i % 7 == 0) sequencer.Wake();
                if (i % 10 == w) await Task.Yield();
            }
        })).ToList();

        var seen = new List<JournalRow>();
        var after = start;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (seen.Count < Total && DateTime.UtcNow < deadline)
        {
            await using var session = await database.ReadAsync(CancellationToken.None);
            var head = await JournalStore.HeadAsync(session);
            var rows = await JournalStore.RangeAsync(session, after, head, null, null, 37);
            seen.AddRange(rows);
            after = rows.Count == 37 ? rows[^1].Position : head;
            if (rows.Count == 0) await Task.Delay(5);
            sequencer.Wake();
        }
        await Task.WhenAll(writers);

        Assert.Equal(Enumerable.Range(1, Total).Select(i => start + i), seen.Select(r => r.Position));
        Assert.Equal(written.Order(), seen.Select(r => r.EventId).Order());
    }

    [Fact]
    public async Task Rows_journalled_before_a_stop_and_not_yet_positioned_get_positions_next_to_the_others()
    {
        app.Start();
        var database = app.Services.GetRequiredService<Database>();
        var sequencer = app.Services.GetRequiredService<JournalSequencer>();
        var ids = new List<Guid>();
        await using (var session = await database.WriteAsync(CancellationToken.None))
        {
            for (var i = 0; i < 3; i++)
            {
                var e = Events.Review(CreditCodes.New());
                ids.Add(e.EventId);
                await JournalStore.AppendAsync(session, e, "{}", DateTimeOffset.UtcNow);
            }
            await session.CommitAsync();
        }

        await sequencer.SequenceOnceAsync(CancellationToken.None);

        var positions = await app.QueryAsync<long?>(
            "SELECT position FROM event_journal WHERE event_id IN @ids ORDER BY id", new { ids = ids.Select(i => i.ToString("D")).ToArray() });
        Assert.All(positions, p => Assert.NotNull(p));
        Assert.Equal(positions[0] + 1, positions[1]);
        Assert.Equal(positions[1] + 1, positions[2]);
        Assert.Equal(0, await app.ScalarAsync("SELECT COUNT(*) FROM event_journal WHERE position IS NULL"));
        Assert.Equal(await app.ScalarAsync("SELECT COUNT(*) FROM event_journal"), await app.ScalarAsync("SELECT MAX(position) FROM event_journal"));
    }
}
