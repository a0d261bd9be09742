using System.Data.Common;
using System.Diagnostics;
using Dapper;
using Longshan.Contracts.Events;
using Longshan.Platform.Data;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Longshan.Platform.Messaging;

/// <summary>
/// Base of every consumer: records the event id in <c>inbox_messages</c> and applies the event in the same
/// transaction, so a redelivered event (broker restart, retry, a second dispatcher) changes nothing.
/// </summary>
public abstract class InboxConsumer<TEvent>(Database database, TimeProvider time, ILogger logger) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
{
    protected Database Database => database;

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var @event = context.Message;
        var cancellationToken = context.CancellationToken;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await Data.Database.BeginWriteAsync(connection, cancellationToken);

        var first = await connection.ExecuteAsync(database.Sql(InboxSql.Record), new
        {
            consumer = GetType().Name,
            eventId = @event.EventId,
            eventType = @event.EventType,
            traceId = Activity.Current?.TraceId.ToHexString(),
            handledAt = time.GetUtcNow(),
        }, transaction);
        if (first == 0)
        {
            logger.LogInformation("{Consumer} skipped {EventType} {EventId}: already applied", GetType().Name, @event.EventType, @event.EventId);
            return;
        }

        await ApplyAsync(@event, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the event's change to the service's own tables, inside <paramref name="transaction"/>.</summary>
    protected abstract Task ApplyAsync(TEvent @event, DbTransaction transaction, CancellationToken cancellationToken);
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
