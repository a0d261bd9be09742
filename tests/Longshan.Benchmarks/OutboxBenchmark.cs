using System.Diagnostics;
using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;
using Longshan.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;

namespace Longshan.Benchmarks;

/// <summary>
/// Outbox dispatch against plain MassTransit, on one local RabbitMQ node in one run.
/// Plain: publish N events (200 in flight, like one outbox batch) straight to the bus → consumed.
/// Outbox: N rows committed in the outbox table (SQLite) → dispatcher publishes (batches of 200, confirms) → consumed.
/// Both use the platform's exchange names and raw JSON, and the same counting consumer, so the ratio isolates the
/// outbox's cost (claim, publish from stored JSON, mark sent). Three alternating rounds; medians printed.
/// </summary>
static class OutboxBenchmark
{
    const int InFlight = 200;

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var folder = Path.Combine(Path.GetTempPath(), "longshan-bench-outbox-" + Guid.NewGuid().ToString("N")[..8]);
        await using var broker = new RabbitNode(Path.Combine(folder, "broker"));
        await broker.StartAsync();
        DapperTypeHandlers.Register();

        await MeasureAsync(broker, folder, Mode.Plain, 1_000); // warm-up: JIT, connections, exchanges
        await MeasureAsync(broker, folder, Mode.Outbox, 1_000);
        var plain = new List<double>();
        var outbox = new List<double>();
        for (var round = 1; round <= 3; round++)
        {
            plain.Add(await MeasureAsync(broker, folder, Mode.Plain, count));
            outbox.Add(await MeasureAsync(broker, folder, Mode.Outbox, count));
            Console.WriteLine($"round {round}: plain {plain[^1]:F0} events/s, outbox {outbox[^1]:F0} events/s");
        }

        var (p, o) = (Median(plain), Median(outbox));
        Console.WriteLine($"events per round: {count}; cores: {Environment.ProcessorCount}");
        Console.WriteLine($"plain MassTransit publish→consume: {p:F0} events/s (median of 3)");
        Console.WriteLine($"outbox committed→consumed:         {o:F0} events/s (median of 3)");
        Console.WriteLine($"ratio outbox / plain:              {o / p:F2}");
    }

    /// <summary>Plain MassTransit publish→consume on <paramref name="broker"/> (after a warm-up), in messages per second.</summary>
    public static async Task<double> PlainPublishConsumeAsync(RabbitNode broker, string folder, int count)
    {
        DapperTypeHandlers.Register();
        await MeasureAsync(broker, folder, Mode.Plain, 1_000);
        return await MeasureAsync(broker, folder, Mode.Plain, count);
    }

    enum Mode { Plain, Outbox }

    static async Task<double> MeasureAsync(RabbitNode broker, string folder, Mode mode, int count)
    {
        // A listed subscription (EventSubscriptions.All): the platform refuses consumers the broker would not pre-declare.
        // Its queue is deleted after each measurement, so every round starts empty.
        const string service = "legalreview", consumer = "agency-registered";
        var database = new Database(new DatabaseOptions { ConnectionString = $"Data Source={Path.Combine(folder, $"bench-{mode}-{Guid.NewGuid():N}.db")}" });
        await new Migrator(database, NullLogger<Migrator>.Instance).ApplyAsync("platform", typeof(Database).Assembly, TimeProvider.System);

        var counter = new Counter(count);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["ConnectionStrings:rabbitmq"] = broker.ConnectionString;
        builder.Services.AddSingleton(database).AddSingleton(TimeProvider.System).AddSingleton(counter);
        builder.AddLongshanMessaging(service);
        builder.AddConsumer<CountingConsumer>(consumer);
        using var host = builder.Build();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));

        var events = Enumerable.Range(0, count).Select(_ => NewEvent()).ToList();
        Stopwatch clock;
        if (mode == Mode.Plain)
        {
            clock = Stopwatch.StartNew();
            foreach (var chunk in events.Chunk(InFlight)) await Task.WhenAll(chunk.Select(e => bus.Publish(e)));
        }
        else
        {
            var writer = host.Services.GetRequiredService<OutboxWriter>();
            await using (var session = await database.WriteAsync(default))
            {
                foreach (var e in events) await writer.AddAsync(session, e);
                await session.CommitAsync();
            }
            clock = Stopwatch.StartNew();
            writer.Wake();
        }

        await counter.Done.Task.WaitAsync(TimeSpan.FromMinutes(3));
        clock.Stop();
        await host.StopAsync();
        await DeleteQueueAsync(broker, $"longshan.{service}.{consumer}");
        return count / clock.Elapsed.TotalSeconds;
    }

    static AgencyRegistered NewEvent() => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, AgencyCode = "114313000000000012",
        Name = "龙山县基准测试局", Kind = "county-department", RemedyChannels = [new("reconsideration", "龙山县人民政府", "0743-0000000")],
    };

    static async Task DeleteQueueAsync(RabbitNode broker, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(broker.ConnectionString) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue);
    }

    static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    sealed class Counter(int expected)
    {
        int seen;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Add() { if (Interlocked.Increment(ref seen) == expected) Done.TrySetResult(); }
    }

    sealed class CountingConsumer(Counter counter) : IConsumer<AgencyRegistered>
    {
        public Task Consume(ConsumeContext<AgencyRegistered> context)
        {
            counter.Add();
            return Task.CompletedTask;
        }
    }
}
