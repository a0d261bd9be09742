using System.Text.Json;
using Longshan.Contracts.Events;
using RabbitMQ.Client;

namespace Longshan.Testing;

/// <summary>
/// Publishes integration events the way the producing services' outboxes do — raw camelCase JSON on the event's
/// documented fanout exchange, with publisher confirms — from outside any service (RabbitMQ.Client, no MassTransit),
/// with the credentials of a connection string, so the broker's permissions apply and publishing goes on while a
/// consumer is stopped. A refused publish (e.g. ACCESS_REFUSED) throws.
/// </summary>
public sealed class BrokerPublisher : IAsyncDisposable
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    readonly IConnection connection;
    readonly IChannel channel;

    BrokerPublisher(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    public static async Task<BrokerPublisher> ConnectAsync(string connectionString)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        return new BrokerPublisher(connection, channel);
    }

    /// <summary>One event on its own connection: publishes and waits for the broker's confirm.</summary>
    public static async Task PublishAsync(string connectionString, IntegrationEvent @event)
    {
        await using var publisher = await ConnectAsync(connectionString);
        await publisher.PublishAsync(@event);
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
