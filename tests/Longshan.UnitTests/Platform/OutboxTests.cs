using Dapper;
using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Longshan.UnitTests.Platform;

/// <summary>The outbox against a real SQLite file, with a recording publisher in place of the broker.</summary>
public sealed class OutboxTests : IDisposable
{
    readonly TestDatabase db = new();
    readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    readonly RecordingPublisher publisher = new();
    readonly OutboxOptions options = new() { BatchSize = 3, FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(4) };

    public void Dispose() => db.Dispose();

    OutboxDispatcher Dispatcher() => new(new WriteQueue(db.Database, NullLogger<WriteQueue>.Instance), publisher, new OutboxSignal(), options, clock, NullLogger<OutboxDispatcher>.Instance);

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
        var dispatcher = Dispatcher();

        Assert.Equal(3, await dispatcher.DispatchBatchAsync(default));
        Assert.Equal(3, await dispatcher.DispatchBatchAsync(default));
        Assert.Equal(1, await dispatcher.DispatchBatchAsync(default));
        Assert.Equal(0, await dispatcher.DispatchBatchAsync(default));

        Assert.Equal(committed, publisher.Published.Select(m => m.EventId));
        foreach (var id in committed) Assert.Equal(clock.GetUtcNow(), (await RowAsync(id)).SentAt);
    }

    [Fact]
    public async Task The_published_body_is_the_self_describing_camel_case_event()
    {
        var id = await CommitEventAsync();
        await Dispatcher().DispatchBatchAsync(default);

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

        Assert.Equal(0, await Dispatcher().DispatchBatchAsync(default));
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task A_failed_publish_is_kept_and_retried_with_doubling_back_off()
    {
        var id = await CommitEventAsync();
        var dispatcher = Dispatcher();
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
        Assert.Equal(clock.GetUtcNow(), (await RowAsync(id)).SentAt);
        Assert.Equal([id], publisher.Published.Select(m => m.EventId));
    }

    [Fact]
    public async Task A_claimed_row_is_not_claimed_again_until_its_lease_expires()
    {
        var id = await CommitEventAsync();
        publisher.Block = new TaskCompletionSource();
        var first = Dispatcher().DispatchBatchAsync(default);

        Assert.Equal(0, await Dispatcher().DispatchBatchAsync(default)); // a second dispatcher sees the lease
        publisher.Block.SetResult();
        Assert.Equal(1, await first);
        Assert.Equal([id], publisher.Published.Select(m => m.EventId));
    }

    [Fact]
    public async Task Sent_rows_are_purged_after_the_retention_and_unsent_rows_never()
    {
        var old = await CommitEventAsync();
        await Dispatcher().DispatchBatchAsync(default);
        publisher.FailuresLeft = 1;
        var stuck = await CommitEventAsync();
        await Dispatcher().DispatchBatchAsync(default); // fails: stays pending
        clock.Advance(options.Retention + TimeSpan.FromMinutes(1));
        var recent = await CommitEventAsync();
        var dispatcher = Dispatcher();
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
