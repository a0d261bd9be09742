using System.Globalization;
using Dapper;
using Grpc.Net.Client;
using Longshan.Contracts.Statistics.V1;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace Longshan.Statistics.Tests.Support;

/// <summary>
/// The Statistics service in-process. By default with its own SQLite file and virtual host (<see cref="ServiceApp{T}"/>);
/// given a <paramref name="databasePath"/> and <paramref name="brokerAddress"/>, it takes over those of an app that was
/// stopped — the same service restarted on the same database and the same durable queues.
/// </summary>
public class StatisticsHost(string? databasePath, string? brokerAddress, bool kestrel) : ServiceApp<Program>("statistics")
{
    readonly int grpcPort = kestrel ? FreePort.Next() : 0;
    GrpcChannel? kestrelChannel;

    /// <summary>The SQLite file the service uses (the shared one after a restart).</summary>
    public string JournalPath => databasePath ?? DatabasePath;

    /// <summary>The AMQP address of the virtual host the service consumes from.</summary>
    public string Broker => brokerAddress ?? BrokerAddress;

    /// <summary>The gRPC address on real Kestrel (only for an app created with <c>kestrel: true</c>).</summary>
    public string GrpcAddress => $"127.0.0.1:{grpcPort}";

    public override GrpcChannel Channel => kestrel
        ? kestrelChannel ??= GrpcChannel.ForAddress($"http://{GrpcAddress}")
        : base.Channel;

    /// <summary>Starts the host (WebApplicationFactory starts lazily).</summary>
    public StatisticsHost Start()
    {
        if (kestrel) StartServer();
        else _ = Server;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (databasePath is not null) builder.UseSetting("ConnectionStrings:statistics-db", $"Data Source={databasePath}");
        if (brokerAddress is not null) builder.UseSetting("ConnectionStrings:rabbitmq", brokerAddress);
        if (kestrel)
        {
            UseKestrel();
            builder.UseSetting("LISTEN_ADDRESS", "127.0.0.1");
            builder.UseSetting("HTTP_PORT", FreePort.Next().ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("GRPC_PORT", grpcPort.ToString(CultureInfo.InvariantCulture));
        }
    }

    public EventFeed.EventFeedClient Feed => new(Channel);

    /// <summary>A data-center token (县大数据中心, read-only).</summary>
    public static Grpc.Core.Metadata DataCenter { get; } = TestTokens.Bearer(CreditCodes.New(), Roles.DataCenter);

    public async Task<long> ScalarAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={JournalPath}");
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={JournalPath}");
        await connection.OpenAsync();
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }

    protected override void Dispose(bool disposing)
    {
        kestrelChannel?.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The service with its own SQLite file and virtual host, on an in-memory test server (one per test class).</summary>
public sealed class StatisticsApp() : StatisticsHost(null, null, false);
