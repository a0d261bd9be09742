using System.Diagnostics;
using Longshan.Contracts.Events;
using Longshan.Platform.Data;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Longshan.Platform.Messaging;

/// <summary>
/// Base of every consumer: records the event id in <c>inbox_messages</c> under the consumer's registered name and
/// applies the event in the same transaction, so a redelivered event (broker restart, retry, a second dispatcher)
/// changes nothing. The name is the stable one given at registration (<see cref="MessagingSetup.AddConsumer{T}"/>),
/// never the class name, so renaming a class keeps its inbox.
/// </summary>
public abstract class InboxConsumer<TEvent>(Inbox inbox) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
{
    /// <summary>The service's clock, for consumers that stamp what they store.</summary>
    protected TimeProvider Time => inbox.Time;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var @event = context.Message;
        var name = inbox.NameOf(GetType());
        await using var session = await inbox.Database.WriteAsync(context.CancellationToken);

        var first = await session.ExecuteAsync(InboxSql.Record, new
        {
            consumer = name,
            eventId = @event.EventId,
            eventType = @event.EventType,
            traceId = Activity.Current?.TraceId.ToHexString(),
            handledAt = inbox.Time.GetUtcNow(),
        });
        if (first == 0)
        {
            inbox.Logger.LogDebug("{Consumer} skipped {EventType} {EventId}: already applied", name, @event.EventType, @event.EventId);
            return;
        }

        await ApplyAsync(@event, session);
        await session.CommitAsync();
    }

    /// <summary>Applies the event's change to the service's own tables, inside the inbox's write session.</summary>
    protected abstract Task ApplyAsync(TEvent @event, DbSession session);
}

/// <summary>What every inbox consumer needs: the database, the clock, the registered consumer names and a logger.</summary>
public sealed class Inbox(Database database, TimeProvider time, ConsumerNames names, ILogger<Inbox> logger)
{
    public Database Database => database;
    public TimeProvider Time => time;
    public ILogger Logger => logger;

    public string NameOf(Type consumer) => names.Of(consumer);
}

/// <summary>The stable name each consumer was registered with (its queue is <c>longshan.&lt;service&gt;.&lt;name&gt;</c>).</summary>
public sealed class ConsumerNames
{
    readonly Dictionary<Type, string> names = [];

    internal void Add(Type consumer, string name)
    {
        if (names.ContainsValue(name) || !names.TryAdd(consumer, name))
            throw new InvalidOperationException($"Consumer {consumer.Name} or name '{name}' is registered twice.");
    }

    public string Of(Type consumer) => names.TryGetValue(consumer, out var name)
        ? name
        : throw new InvalidOperationException($"{consumer.Name} was not registered with builder.AddConsumer<{consumer.Name}>(name).");

    public IReadOnlyDictionary<Type, string> All => names;
}

/// <summary>The inbox's SQL (outside the generic consumer so that it exists once).</summary>
static class InboxSql
{
    public static readonly SqlStatement Record = new(
        """
        INSERT OR IGNORE INTO inbox_messages (consumer, event_id, event_type, trace_id, handled_at)
        VALUES (@consumer, @eventId, @eventType, @traceId, @handledAt)
        """,
        """
        INSERT INTO dbo.inbox_messages (consumer, event_id, event_type, trace_id, handled_at)
        SELECT @consumer, @eventId, @eventType, @traceId, @handledAt
        WHERE NOT EXISTS (SELECT 1 FROM dbo.inbox_messages WITH (UPDLOCK, HOLDLOCK) WHERE consumer = @consumer AND event_id = @eventId)
        """);
}
