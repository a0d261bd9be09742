using Dapper;
using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Longshan.UnitTests.Platform;

/// <summary>The outbox against a real SQLite file, with a recording publisher in place of the broker.</summary>
public sealed class OutboxTests : IAsyncDisposable
{
    readonly TestDatabase db = new();
    readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    readonly RecordingPublisher publisher = new();
    readonly OutboxOptions options = new() { BatchSize = 3, FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(4) };
    readonly WriteQueue writes;
    readonly OutboxDispatcher dispatcher;

    public OutboxTests()
    {
        writes = new WriteQueue(db.Database, NullLogger<WriteQueue>.Instance);
        dispatcher = Dispatcher(options);
    }

    public async ValueTask DisposeAsync()
    {
        await writes.DisposeAsync();
        db.Dispose();
    }

    /// <summary>Another dispatcher on the same database (another instance of the service).</summary>
    OutboxDispatcher Dispatcher(OutboxOptions with, IOutboxPublisher? through = null) =>
        new(writes, db.Database, through ?? publisher, new OutboxSignal(), with, clock, NullLogger<OutboxDispatcher>.Instance);

    async Task<Guid> CommitEventAsync(bool commit = true)
    {
        var @event = new AgencyRegistered
        {
            EventId = Guid.NewGuid(), OccurredAt = clock.GetUtcNow(), AgencyCode = "114313000000000012",
            Name = "龙山县交通运输局", Kind = "county-department", RemedyChannels = [new("reconsideration", "龙山县人民政府", "")],
        };
        await using var session = await db.Database.WriteAsync(default);
        await new OutboxWriter(new OutboxSignal()).AddAsync(session, @event);
        if (commit) await session.CommitAsync();
        else await session.Transaction!.RollbackAsync();
        return @event.EventId;
    }

    async Task<(int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt)> RowAsync(Guid eventId)
    {
        await using var connection = (await db.Database.ReadAsync(default)).Connection;
        var row = await connection.QuerySingleAsync<(long, string?, string?)>(
            "SELECT attempts, next_attempt_at, sent_at FROM outbox_messages WHERE event_id = @eventId", new { eventId });
        return ((int)row.Item1, row.Item2 is null ? null : DateTimeOffset.Parse(row.Item2), row.Item3 is null ? null : DateTimeOffset.Parse(row.Item3));
    }

    [Fact]
    public async Task Events_are_published_in_commit_order_across_batches_and_only_once()
    {
        var committed = new List<Guid>();
        for (var i = 0; i < 7; i++) committed.Add(await CommitEventAsync());

        Assert.Equal(3, await dispatcher.DispatchBatchAsync(default));
        Assert.Equal(3, await dispatcher.DispatchBatchAsync(default)); // the first three wait for their sent mark: not read again
        Assert.Equal(1, await dispatcher.DispatchBatchAsync(default));
        Assert.Equal(0, await dispatcher.DispatchBatchAsync(default));
        await writes.FlushAsync();
        Assert.Equal(0, await dispatcher.DispatchBatchAsync(default));

        Assert.Equal(committed, publisher.Published.Select(m => m.EventId));
        foreach (var id in committed) Assert.Equal(clock.GetUtcNow(), (await RowAsync(id)).SentAt);
    }

    [Fact]
    public async Task The_published_body_is_the_self_describing_camel_case_event()
    {
        var id = await CommitEventAsync();
        await dispatcher.DispatchBatchAsync(default);

        var message = Assert.Single(publisher.Published);
        Assert.Equal("AgencyRegistered", message.EventType);
        using var json = System.Text.Json.JsonDocument.Parse(message.Body);
        Assert.Equal(id, json.RootElement.GetProperty("eventId").GetGuid());
        Assert.Equal("AgencyRegistered", json.RootElement.GetProperty("eventType").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("114313000000000012", json.RootElement.GetProperty("agencyCode").GetString());
        Assert.Equal("龙山县交通运输局", json.RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_no_event()
    {
        await CommitEventAsync(commit: false);

        Assert.Equal(0, await dispatcher.DispatchBatchAsync(default));
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task A_failed_publish_is_kept_and_retried_with_doubling_back_off()
    {
        var id = await CommitEventAsync();
        publisher.FailuresLeft = 3;

        Assert.Equal(0, await dispatcher.DispatchBatchAsync(default));
        var afterFirst = await RowAsync(id);
        Assert.Equal((1, clock.GetUtcNow().AddSeconds(1), (DateTimeOffset?)null), afterFirst);

        Assert.Equal(0, await dispatcher.DispatchBatchAsync(default)); // not due yet: nothing is tried
        Assert.Equal(1, publisher.Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        await dispatcher.DispatchBatchAsync(default);
        Assert.Equal((2, clock.GetUtcNow().AddSeconds(2), (DateTimeOffset?)null), await RowAsync(id));

        clock.Advance(TimeSpan.FromSeconds(2));
        await dispatcher.DispatchBatchAsync(default);
        Assert.Equal((3, clock.GetUtcNow().AddSeconds(4), (DateTimeOffset?)null), await RowAsync(id)); // capped at MaxRetryDelay

        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(1, await dispatcher.DispatchBatchAsync(default));
        await writes.FlushAsync();
        Assert.Equal(clock.GetUtcNow(), (await RowAsync(id)).SentAt);
        Assert.Equal([id], publisher.Published.Select(m => m.EventId));
    }

    [Fact]
    public async Task After_a_failed_publish_the_agencys_later_events_wait_behind_it()
    {
        var committed = new List<Guid>();
        for (var i = 0; i < 3; i++) committed.Add(await CommitEventAsync());
        publisher.FailuresLeft = 1;

        Assert.Equal(0, await dispatcher.DispatchBatchAsync(default)); // the first fails; the other two are not tried
        Assert.Equal(1, publisher.Attempts);
        Assert.Equal(0, await dispatcher.DispatchBatchAsync(default)); // not due yet, and the agency's later events wait
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(3, await dispatcher.DispatchBatchAsync(default));

        Assert.Equal(committed, publisher.Published.Select(m => m.EventId));
    }

    [Fact]
    public async Task Only_the_lease_holder_dispatches_and_another_instance_takes_over_when_it_stops()
    {
        var first = await CommitEventAsync();
        Assert.Equal(1, await dispatcher.DispatchBatchAsync(default));
        var second = await CommitEventAsync();
        var other = Dispatcher(options);

        Assert.Equal(0, await other.DispatchBatchAsync(default)); // the first instance holds the lease
        await dispatcher.StopAsync(default); // a clean stop gives it up
        await writes.FlushAsync();
        await Task.Delay(options.PollInterval + TimeSpan.FromMilliseconds(50)); // the other instance asks again at its next poll
        Assert.Equal(1, await other.DispatchBatchAsync(default));

        Assert.Equal([first, second], publisher.Published.Select(m => m.EventId));
    }

    [Fact]
    public async Task A_hung_holders_lease_expires_and_another_instance_publishes_its_rows()
    {
        var shortLease = new OutboxOptions { BatchSize = 3, DispatchLease = TimeSpan.FromMilliseconds(600), PollInterval = TimeSpan.FromMilliseconds(50) };
        var hung = new RecordingPublisher { Block = new TaskCompletionSource() };
        var id = await CommitEventAsync();
        var stuck = Dispatcher(shortLease, hung).DispatchBatchAsync(default); // holds the lease, then never hears from the broker

        var other = Dispatcher(shortLease);
        Assert.Equal(0, await other.DispatchBatchAsync(default));
        await Task.Delay(700); // the lease lapses (system clock: the lease is compared across processes)
        Assert.Equal(1, await other.DispatchBatchAsync(default));
        Assert.Equal([id], publisher.Published.Select(m => m.EventId));

        hung.Block.SetResult();
        await stuck; // the hung instance's late confirm only publishes again: at least once, consumers dedupe by event id
        Assert.Equal([id], hung.Published.Select(m => m.EventId));
    }

    [Fact]
    public async Task Sent_rows_are_purged_after_the_retention_and_unsent_rows_never()
    {
        var old = await CommitEventAsync();
        await dispatcher.DispatchBatchAsync(default);
        await writes.FlushAsync();
        publisher.FailuresLeft = 1;
        var stuck = await CommitEventAsync();
        await dispatcher.DispatchBatchAsync(default); // fails: stays pending
        clock.Advance(options.Retention + TimeSpan.FromMinutes(1));
        var recent = await CommitEventAsync();
        publisher.FailuresLeft = 10;
        await dispatcher.DispatchBatchAsync(default); // the broker is still refusing: "stuck", 30 days old, and "recent" stay pending

        Assert.Equal(1, await dispatcher.PurgeSentAsync(default));

        await using var connection = (await db.Database.ReadAsync(default)).Connection;
        var left = (await connection.QueryAsync<string>("SELECT event_id FROM outbox_messages ORDER BY sequence")).Select(Guid.Parse);
        Assert.Equal([stuck, recent], left);
        Assert.DoesNotContain(old, left);
    }

    sealed class RecordingPublisher : IOutboxPublisher
    {
        public List<PendingMessage> Published { get; } = [];
        public int FailuresLeft { get; set; }
        public int Attempts { get; private set; }
        public TaskCompletionSource? Block { get; set; }

        public async Task PublishAsync(PendingMessage message, CancellationToken cancellationToken)
        {
            Attempts++;
            if (Block is not null) await Block.Task;
            if (FailuresLeft > 0)
            {
                FailuresLeft--;
                throw new InvalidOperationException("broker unreachable");
            }
            lock (Published) Published.Add(message);
        }
    }
}
