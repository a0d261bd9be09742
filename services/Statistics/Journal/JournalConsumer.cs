using System.Text.Json;
using Longshan.Contracts.Events;
using Longshan.Platform.Data;
using MassTransit;

namespace Longshan.Statistics.Journal;

/// <summary>
/// Journals one event type and applies its projection (<see cref="JournalTable"/>) in the same transaction.
/// The journal's unique <c>event_id</c> is the inbox: a redelivered event, or the same event published again under
/// another schema version (a v1 and a v2 exchange side by side, each with its own consumer), finds its row and changes
/// nothing, so every projection counts an event once. The first copy to arrive is kept. Writes go through the
/// service's <see cref="WriteQueue"/>, so concurrent deliveries share commits.
/// </summary>
public sealed class JournalConsumer<TEvent>(WriteQueue writes, JournalSequencer sequencer, TimeProvider time) : IConsumer<TEvent>
    where TEvent : IntegrationEvent
{
    static readonly JournalEntry Entry = JournalTable.For(typeof(TEvent));
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task Consume(ConsumeContext<TEvent> context)
    {
        var @event = context.Message;
        var body = BodyOf(context);
        var journalled = await writes.RunAsync(async session =>
        {
            if (!await JournalStore.AppendAsync(session, @event, body, time.GetUtcNow())) return false;
            await Entry.ProjectAsync(@event, session);
            return true;
        }, context.CancellationToken);
        if (journalled) sequencer.Wake();
    }

    /// <summary>The JSON exactly as published (fields this service does not know included); re-serialised only if absent.</summary>
    static string BodyOf(ConsumeContext<TEvent> context)
    {
        var body = context.ReceiveContext.Body.GetString();
        return string.IsNullOrWhiteSpace(body) ? JsonSerializer.Serialize(context.Message, Json) : body;
    }
}
