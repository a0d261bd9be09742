using System.Diagnostics;
using System.Text.Json;
using Longshan.Contracts.Events;
using MassTransit;

namespace Longshan.Platform.Messaging;

/// <summary>
/// Publishes an outbox row through MassTransit (RabbitMQ, publisher confirms on). The publish runs inside an
/// activity whose parent is the trace that wrote the row, so one trace spans the gRPC call, the dispatch and
/// every consumer.
/// </summary>
public sealed class MassTransitOutboxPublisher(IBus bus) : IOutboxPublisher
{
    public static readonly ActivitySource Source = new("Longshan.Outbox");

    public async Task PublishAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        var type = EventCatalog.TypeOf(message.EventType);
        var @event = JsonSerializer.Deserialize(message.Body, type, OutboxWriter.Json)!;
        ActivityContext.TryParse(message.TraceParent, null, out var parent);

        using var activity = Source.StartActivity($"outbox dispatch {message.EventType}", ActivityKind.Internal, parent);
        activity?.SetTag("longshan.event_id", message.EventId);
        activity?.SetTag("longshan.outbox.sequence", message.Sequence);
        await bus.Publish(@event, type, Pipe.Execute<PublishContext>(context => context.MessageId = message.EventId), cancellationToken);
    }
}
