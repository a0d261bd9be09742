using System.Text.Json;
using Longshan.Contracts.Events;
using RabbitMQ.Client;

namespace Longshan.Statistics.Tests.Support;

/// <summary>
/// Publishes events the way the producing services' outboxes do — JSON on the event's documented exchange, with
/// publisher confirms — but from outside the Statistics process (RabbitMQ.Client, no MassTransit), so publishing
/// goes on while Statistics is stopped.
/// </summary>
public sealed class RawPublisher : IAsyncDisposable
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly IConnection connection;
    readonly IChannel channel;

    RawPublisher(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    public static async Task<RawPublisher> ConnectAsync(string amqpAddress)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqpAddress) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new RawPublisher(connection, channel);
    }

    /// <summary>Publishes and returns once the broker confirmed.</summary>
    public Task PublishAsync(IntegrationEvent @event) =>
        PublishAsync(EventCatalog.ContractOf(@event.GetType()).Exchange, JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), Json), @event.EventId);

    public async Task PublishAsync(string exchange, byte[] body, Guid messageId)
    {
        var properties = new BasicProperties { ContentType = "application/json", MessageId = messageId.ToString(), Persistent = true };
        await channel.BasicPublishAsync(exchange, "", mandatory: false, properties, body);
    }

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}
