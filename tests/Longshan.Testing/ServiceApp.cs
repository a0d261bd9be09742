using Dapper;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Longshan.Testing;

/// <summary>
/// One service in-process (WebApplicationFactory) with its own SQLite file, its own virtual host on a real RabbitMQ
/// node (one node per test run) and a fake clock tests can move. One instance per test class.
/// </summary>
/// <param name="service">The service name, as in its connection string <c>{service}-db</c>.</param>
/// <param name="virtualHost">A virtual host to join (e.g. one a test filled before the service first started); a new one by default.</param>
/// <param name="broker">A node of the test's own (one it stops and starts); the node shared by the test run by default.</param>
public class ServiceApp<TEntryPoint>(string service, string? virtualHost = null, RabbitNode? broker = null)
    : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    GrpcChannel? channel;

    /// <summary>The service's SQLite file (a subclass may keep it elsewhere, e.g. to restart on the same file).</summary>
    public virtual string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"longshan-{service}-{Guid.NewGuid():N}.db");

    /// <summary>Whether disposing deletes the SQLite file (not when another app takes it over).</summary>
    protected virtual bool OwnsDatabase => true;

    /// <summary>The service's clock. Starts at 2026-11-27 10:00 Beijing time.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    /// <summary>The administrator's AMQP address of this app's virtual host (the service itself connects as its own user).</summary>
    public string BrokerAddress { get; private set; } = "";

    /// <summary>This app's virtual host on the shared node.</summary>
    public string VirtualHost { get; } = virtualHost ?? service + "-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Publishes an event into this app's virtual host as <paramref name="publisher"/>'s broker user would.</summary>
    public async Task PublishAsAsync<TEvent>(string publisher, TEvent @event) where TEvent : Longshan.Contracts.Events.IntegrationEvent
    {
        _ = Server; // started: its virtual host, users and queues exist
        await BrokerPublisher.PublishAsync((await NodeAsync()).ConnectionStringAs(publisher, VirtualHost), @event);
    }

    async Task<RabbitNode> NodeAsync() => broker ?? await SharedBroker.Node.Value;

    public virtual GrpcChannel Channel => channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var node = NodeAsync().GetAwaiter().GetResult();
        // Its own virtual host: test apps run in parallel and would otherwise compete for one another's queue messages.
        BrokerAddress = node.CreateVirtualHostAsync(VirtualHost).GetAwaiter().GetResult();
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{service}-db", $"Data Source={DatabasePath}");
        // The service's own broker user: it may publish only to longshan.<service>.* (BrokerDefinitions.ForService).
        builder.UseSetting("ConnectionStrings:rabbitmq", node.ConnectionStringAs(service, VirtualHost));
        builder.UseSetting("Identity:UseDevelopmentIssuer", "true");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>
    /// Starts the service and waits until its bus is healthy, i.e. its queues are declared and bound: an event
    /// published to a fanout exchange before its queue exists is dropped by RabbitMQ, so a test that publishes first
    /// thing would otherwise race the service's start (seen on a loaded machine).
    /// </summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var bus = host.Services.GetRequiredService<IBusControl>();
        bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        return host;
    }

    /// <summary>Reads the service's SQLite file directly, to check what was (or was not) stored.</summary>
    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    /// <summary>Every table's row count: "nothing was written" is this snapshot unchanged.</summary>
    public async Task<IReadOnlyDictionary<string, long>> TableCountsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        var tables = await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables) counts[table] = await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\"");
        return counts;
    }

    /// <summary>Writes to the service's SQLite file directly, to set up a state the API cannot produce.</summary>
    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }

    protected override void Dispose(bool disposing)
    {
        channel?.Dispose();
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (OwnsDatabase)
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(DatabasePath + suffix);
    }
}

/// <summary>One private RabbitMQ node per test process, stopped when the process exits.</summary>
public static class SharedBroker
{
    public static readonly Lazy<Task<RabbitNode>> Node = new(StartAsync);

    /// <summary>Starts a node; on a loaded machine a start can fail (a port taken between choosing and binding it), so up to three tries.</summary>
    static async Task<RabbitNode> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var node = new RabbitNode(Path.Combine(Path.GetTempPath(), "longshan-tests-broker-" + Guid.NewGuid().ToString("N")[..8]));
            try
            {
                await node.StartAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => node.DisposeAsync().AsTask().GetAwaiter().GetResult();
                return node;
            }
            catch (Exception ex) when (attempt < 3 && ex is InvalidOperationException or TimeoutException)
            {
                await node.DisposeAsync();
            }
        }
    }
}
