using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Decisions;
using Longshan.Publicity.Tests.Support;
using Microsoft.Data.Sqlite;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Longshan.Publicity.Tests.Guards;

/// <summary>
/// Two instances of the service on one database (two dispatchers, as two replicas on one SQL Server): under concurrent
/// load through both, every event reaches a plain AMQP subscriber exactly once and, per agency, in the order of the
/// outbox (commit order); when the instance holding the dispatch lease stops, the other one takes over.
/// </summary>
public sealed class TwoInstanceOutboxTests : IAsyncLifetime
{
    const string Exchange = "longshan.publicity.decision-registered.v1";
    readonly FirstInstance first = new();
    SecondInstance second = null!;
    IConnection connection = null!;
    IChannel channel = null!;
    readonly ConcurrentQueue<(string AgencyCode, string EventId)> arrived = new();

    public async Task InitializeAsync()
    {
        _ = first.Server;
        second = new SecondInstance(first);
        _ = second.Server;
        connection = await new ConnectionFactory { Uri = new Uri(first.BrokerAddress) }.CreateConnectionAsync();
        channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, Exchange, "");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var json = JsonDocument.Parse(delivery.Body);
            arrived.Enqueue((json.RootElement.GetProperty("agencyCode").GetString()!, json.RootElement.GetProperty("eventId").GetString()!));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer);
    }

    public async Task DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
        second.Dispose();
        first.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(first.DatabasePath + suffix);
    }

    [Fact]
    public async Task Every_event_is_delivered_once_and_in_order_per_agency_with_two_dispatchers_on_one_database()
    {
        var agencies = new[] { await first.RegisterAgencyAsync(), await first.RegisterAgencyAsync("龙山县交通运输局"), await first.RegisterAgencyAsync("龙山县文化旅游广电局") };
        const int callers = 12, callsEach = 25;

        // Each caller writes for one agency through one of the two instances, in turn.
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async c =>
        {
            var agency = agencies[c % agencies.Length];
            var client = new DecisionService.DecisionServiceClient(c % 2 == 0 ? first.Channel : second.Channel);
            for (var i = 0; i < callsEach; i++)
                await client.RegisterDecisionAsync(
                    DecisionData.Penalty(agency, caseNumber: $"龙市监罚〔2026〕{Guid.NewGuid():N}号"), TestTokens.Bearer(agency, Roles.Agency));
        }));

        var outbox = await OutboxOrderAsync();
        Assert.Equal(callers * callsEach, outbox.Count);
        await Eventually.HoldsAsync(() => Task.FromResult(arrived.Count >= outbox.Count), $"{outbox.Count} events at the subscriber");
        await Task.Delay(500); // a duplicate would arrive right behind
        var seen = arrived.ToList();

        Assert.Equal(outbox.Count, seen.Count);
        Assert.Equal(outbox.Count, seen.Select(e => e.EventId).Distinct().Count());
        foreach (var agency in agencies)
            Assert.Equal(outbox.Where(e => e.AgencyCode == agency).Select(e => e.EventId), seen.Where(e => e.AgencyCode == agency).Select(e => e.EventId));
        Assert.Equal(1, await first.CountAsync("SELECT COUNT(*) FROM outbox_dispatch_lease WHERE owner <> ''"));
    }

    [Fact]
    public async Task When_the_lease_holder_stops_the_other_instance_publishes()
    {
        var agency = await first.RegisterAgencyAsync();
        var client = new DecisionService.DecisionServiceClient(first.Channel);
        await client.RegisterDecisionAsync(DecisionData.Penalty(agency), TestTokens.Bearer(agency, Roles.Agency));
        await Eventually.HoldsAsync(() => Task.FromResult(arrived.Count(e => e.AgencyCode == agency) == 1), "the first event");

        first.Dispose(); // whichever instance held the lease, the survivor holds it from its next poll (a clean stop gives it up)
        var survivor = new DecisionService.DecisionServiceClient(second.Channel);
        await survivor.RegisterDecisionAsync(DecisionData.Penalty(agency), TestTokens.Bearer(agency, Roles.Agency));

        await Eventually.HoldsAsync(() => Task.FromResult(arrived.Count(e => e.AgencyCode == agency) == 2), "the event written through the survivor");
        Assert.Equal(2, arrived.Where(e => e.AgencyCode == agency).Select(e => e.EventId).Distinct().Count());
    }

    async Task<List<(string AgencyCode, string EventId)>> OutboxOrderAsync()
    {
        await using var db = new SqliteConnection($"Data Source={first.DatabasePath}");
        return (await db.QueryAsync<(string, string)>(
            "SELECT agency_code, event_id FROM outbox_messages WHERE event_type = 'DecisionRegistered' ORDER BY sequence")).ToList();
    }

    /// <summary>The first instance: its database file outlives it (the second instance goes on using it).</summary>
    sealed class FirstInstance : PublicityApp
    {
        protected override bool OwnsDatabase => false;
    }

    /// <summary>A second instance of the service on the first one's database file and virtual host.</summary>
    sealed class SecondInstance(PublicityApp first) : ServiceApp<Program>("publicity", first.VirtualHost)
    {
        public override string DatabasePath => first.DatabasePath;

        protected override bool OwnsDatabase => false;
    }
}
