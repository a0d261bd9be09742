using System.Text.Json;
using Longshan.Contracts.Events;
using RabbitMQ.Client;

namespace Longshan.Testing;

/// <summary>
/// Publishes an integration event the way another service's outbox would (raw camelCase JSON to the event's fanout
/// exchange, with publisher confirms), with the credentials of a connection string, so tests publish as the service
/// that owns the event and the broker's permissions apply.
/// </summary>
public static class BrokerPublisher
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Publishes and waits for the broker's confirm; a refused publish (e.g. ACCESS_REFUSED) throws.</summary>
    public static async Task PublishAsync<TEvent>(string connectionString, TEvent @event) where TEvent : IntegrationEvent
    {
        var factory = new ConnectionFactory { Uri = new Uri(connectionString) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties
        {
            ContentType = "application/json", MessageId = @event.EventId.ToString(), Persistent = true,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(@event, Json);
        await channel.BasicPublishAsync(EventCatalog.ContractOf(typeof(TEvent)).Exchange, "", mandatory: false, properties, body);
    }
}
