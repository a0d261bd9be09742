using System.Text;
using System.Text.Json;
using Longshan.Contracts.Publicity.V1;
using RabbitMQ.Client;
using static Longshan.EndToEndTests.Support;

namespace Longshan.EndToEndTests;

/// <summary>
/// The county big-data center may not use .NET: it binds its own queue to the documented exchange and reads plain
/// JSON. This test does exactly that with the bare RabbitMQ client (no MassTransit), as EVENTS.md describes.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SubscriberContractTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_plain_amqp_subscriber_reads_the_documented_json_from_the_versioned_exchange()
    {
        var factory = new ConnectionFactory { Uri = new Uri(await fixture.Platform.BrokerConnectionStringAsync()) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("datacenter.test." + Guid.NewGuid().ToString("N")[..8], durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, "longshan.publicity.agency-registered.v1", routingKey: "");

        var code = CreditCodes.New();
        var agencies = new AgencyService.AgencyServiceClient(fixture.Platform.Channel("publicity"));
        await agencies.RegisterAgencyAsync(Registration(code, "龙山县数据共享测试局"), TestTokens.Bearer(code));

        BasicGetResult? message = null;
        Assert.True(await Eventually.TrueAsync(async () => (message = await channel.BasicGetAsync(queue, autoAck: true)) is not null));
        Assert.Equal("application/json", message!.BasicProperties.ContentType);
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(message.Body.Span));
        var body = json.RootElement;
        Assert.True(Guid.TryParse(body.GetProperty("eventId").GetString(), out _));
        Assert.Equal("AgencyRegistered", body.GetProperty("eventType").GetString());
        Assert.Equal(1, body.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(code, body.GetProperty("agencyCode").GetString());
        Assert.True(body.GetProperty("occurredAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal("龙山县数据共享测试局", body.GetProperty("name").GetString());
        Assert.Equal("county-department", body.GetProperty("kind").GetString());
        Assert.Equal("reconsideration", body.GetProperty("remedyChannels")[0].GetProperty("kind").GetString());
        File.WriteAllText(Path.Combine(fixture.Platform.DataFolder, "agency-registered.sample.json"), json.RootElement.ToString());
    }
}
