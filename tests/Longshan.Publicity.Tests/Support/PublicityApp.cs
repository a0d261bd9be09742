using Dapper;
using Grpc.Net.Client;
using MassTransit;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Longshan.Publicity.Tests.Support;

/// <summary>
/// The Publicity service in-process with its own SQLite file, a real RabbitMQ node (one per test run) and a
/// fake clock tests can move. One instance per test class (<c>IClassFixture&lt;PublicityApp&gt;</c>).
/// </summary>
public class PublicityApp : WebApplicationFactory<Program>
{
    static readonly Lazy<Task<RabbitNode>> Broker = new(StartBrokerAsync);

    readonly string databasePath = Path.Combine(Path.GetTempPath(), $"longshan-publicity-{Guid.NewGuid():N}.db");
    GrpcChannel? channel;

    /// <summary>The service's clock. Starts at 2026-11-27 10:00 Beijing time.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    public virtual GrpcChannel Channel => channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var broker = Broker.Value.GetAwaiter().GetResult();
        // Its own virtual host: test apps run in parallel and would otherwise compete for one another's queue messages.
        var virtualHost = broker.CreateVirtualHostAsync("publicity-" + Guid.NewGuid().ToString("N")[..12]).GetAwaiter().GetResult();
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:publicity-db", $"Data Source={databasePath}");
        builder.UseSetting("ConnectionStrings:rabbitmq", virtualHost);
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

    /// <summary>Registers a new county department through the gRPC API (as the county administrator); returns its credit code.</summary>
    public async Task<string> RegisterAgencyAsync(string name = "龙山县市场监督管理局")
    {
        var code = CreditCodes.New();
        await new AgencyService.AgencyServiceClient(Channel).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            RequestId = Guid.NewGuid().ToString(), CreditCode = code, Name = name, Kind = AgencyKind.CountyDepartment,
            RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府" } },
        }, TestTokens.Bearer(code, Roles.CountyAdmin));
        return code;
    }

    /// <summary>Reads the service's SQLite file directly, to check what was (or was not) stored.</summary>
    public async Task<long> CountAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    /// <summary>Writes to the service's SQLite file directly, to set up a state the API cannot produce.</summary>
    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }

    protected override void Dispose(bool disposing)
    {
        channel?.Dispose();
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(databasePath + suffix);
    }

    static async Task<RabbitNode> StartBrokerAsync()
    {
        var node = new RabbitNode(Path.Combine(Path.GetTempPath(), "longshan-publicity-tests-broker-" + Guid.NewGuid().ToString("N")[..8]));
        await node.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => node.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return node;
    }
}
