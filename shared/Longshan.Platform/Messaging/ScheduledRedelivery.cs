using System.Text;
using Longshan.Contracts.Events;
using MassTransit;
using MassTransit.RabbitMqTransport;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace Longshan.Platform.Messaging;

/// <summary>Configuration section <c>Messaging:Redelivery</c>.</summary>
public sealed class RedeliveryOptions
{
    /// <summary>
    /// How many times a message whose consumer keeps failing goes round its <c>_retry</c> queue (one interval each,
    /// a minute in the broker definitions) before it is parked in <c>_error</c> for a person: 1,440 rounds are a day.
    /// </summary>
    public int MaxRedeliveries { get; set; } = 1440;
}

/// <summary>
/// Scheduled redelivery, the outer part of a consumer's failure handling (the inner part is MassTransit's in-process
/// retry of a few seconds). When the consumer still fails, the message is published unchanged (body and properties)
/// to its queue's <c>&lt;queue&gt;_retry</c> exchange with the round counted in a header, and only then acknowledged;
/// the broker holds it for the retry queue's TTL and dead-letters it back to the consumer's queue
/// (BrokerDefinitions.RetryQueueDefinition).
/// <para>Why the broker and not a scheduler: Debian's RabbitMQ 3.10 has no delayed-message plugin, and Quartz or a
/// worker that moves <c>_error</c> back would keep waiting messages, or the knowledge of when they are due, in a
/// process or a database of its own. A message waiting in a durable queue survives any service restart, needs no
/// process to be running, and works unchanged with several instances of a service. The publish is confirmed before
/// the acknowledgement, so a crash in between delivers the event twice, which the inbox absorbs, never zero times.</para>
/// <para>Parked at once, as before: a message that cannot be read (<see cref="System.Text.Json.JsonException"/>) and one
/// that used up <see cref="RedeliveryOptions.MaxRedeliveries"/>. Where no retry queue exists (a broker without the
/// platform's definitions) the broker returns the publish and the message is parked too: nothing is dropped.</para>
/// </summary>
public sealed class ScheduledRedeliveryFilter(RedeliveryOptions options, MessagingMetrics metrics, ILogger<ScheduledRedeliveryFilter> logger)
    : IFilter<ConsumeContext>
{
    /// <summary>The number of scheduled rounds this message has been through (an AMQP header; the broker keeps headers when it dead-letters).</summary>
    public const string RoundHeader = "longshan-redelivery";

    /// <summary>Why the last round was scheduled: the exception's type and the start of its message.</summary>
    public const string ReasonHeader = "longshan-redelivery-reason";

    public async Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
    {
        try
        {
            await next.Send(context);
        }
        catch (Exception e) when (!IsUnreadable(e) && !context.CancellationToken.IsCancellationRequested)
        {
            var queue = QueueOf(context.ReceiveContext.InputAddress);
            var round = RoundOf(context) + 1;
            if (round > options.MaxRedeliveries || !await TryScheduleAsync(context, queue, round, e)) throw;
        }
    }

    async Task<bool> TryScheduleAsync(ConsumeContext context, string queue, int round, Exception failure)
    {
        if (!context.ReceiveContext.TryGetPayload(out ChannelContext? channel)
            || !context.ReceiveContext.TryGetPayload(out RabbitMqBasicConsumeContext? delivery))
            return false;
        var retry = EventSubscription.RetryQueueOf(queue);
        var properties = new BasicProperties(delivery.Properties);
        properties.Headers = new Dictionary<string, object?>(properties.Headers ?? new Dictionary<string, object?>(), StringComparer.Ordinal)
        {
            [RoundHeader] = round,
            [ReasonHeader] = Encoding.UTF8.GetBytes(Reason(failure)),
        };
        properties.Expiration = null; // the retry queue's TTL decides, as for every other waiting message
        try
        {
            // Declared by the broker definitions; declaring the same fanout exchange again is harmless, and publishing to
            // a missing exchange would close the consumer's channel instead of failing this one message.
            await channel.ExchangeDeclare(retry, ExchangeType.Fanout, true, false, new Dictionary<string, object>(), CancellationToken.None);
            // Mandatory: with no retry queue bound the broker returns the message, and it is parked instead.
            await channel.BasicPublishAsync(retry, "", true, properties, context.ReceiveContext.GetBody(), true, CancellationToken.None);
        }
        catch (Exception publish) when (publish is not OperationCanceledException)
        {
            logger.LogError("{Queue}: scheduling redelivery failed ({Error}); the message is parked in {Queue}_error",
                queue, Reason(publish), queue);
            return false;
        }
        metrics.RedeliveryScheduled(queue);
        logger.LogWarning("{Queue}: the consumer failed ({Error}); redelivery {Round} of {Max} scheduled through {Retry}",
            queue, Reason(failure), round, options.MaxRedeliveries, retry);
        return true;
    }

    static int RoundOf(ConsumeContext context) =>
        context.ReceiveContext.TryGetPayload(out RabbitMqBasicConsumeContext? delivery)
        && delivery.Properties.Headers?.TryGetValue(RoundHeader, out var value) == true
            ? value switch { int i => i, long l => (int)l, byte b => b, short s => s, _ => 0 }
            : 0;

    /// <summary>A body that is not the event's JSON will never be readable: retrying it only delays the person who must look at it.</summary>
    static bool IsUnreadable(Exception e) =>
        e is System.Text.Json.JsonException || e is System.Runtime.Serialization.SerializationException || e.InnerException is System.Text.Json.JsonException;

    /// <summary>"rabbitmq://host:port/vhost/longshan.publicity.review-completed" → "longshan.publicity.review-completed".</summary>
    public static string QueueOf(Uri inputAddress) => Uri.UnescapeDataString(inputAddress.Segments[^1]);

    /// <summary>Short, bounded text for a log line and a header (the full exception is in the consumer's own log entry).</summary>
    static string Reason(Exception e)
    {
        var text = $"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" ");
        return text.Length <= 200 ? text : text[..200] + "…";
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("scheduledRedelivery");
}
