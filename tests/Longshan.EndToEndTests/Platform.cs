using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Microsoft.Data.Sqlite;

namespace Longshan.EndToEndTests;

/// <summary>
/// The whole platform started through the real AppHost with its own data folder. Start once per test class
/// (a class fixture): one start takes 10–30 s on 2 cores. The AppHost makes the services accept the development
/// issuer's tokens (<see cref="TestTokens"/>).
/// </summary>
public sealed class Platform : IAsyncDisposable
{
    public static readonly string[] Services = ["publicity", "archive", "legalreview", "statistics"];

    readonly DistributedApplication app;
    readonly Dictionary<string, GrpcChannel> channels = [];

    Platform(DistributedApplication app, string dataFolder)
    {
        this.app = app;
        DataFolder = dataFolder;
    }

    public string DataFolder { get; }

    /// <summary>The console logs of the services and the broker since the start.</summary>
    public Task<ResourceLogs.Lines> LogsAsync() => ResourceLogs.ReadAsync(app, [.. Services, "rabbitmq"]);

    /// <summary>A service's /health answer (200 healthy, 503 unhealthy).</summary>
    public async Task<int> HealthAsync(string service)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try { return (int)(await http.GetAsync(new Uri(app.GetEndpoint(service, "http"), "/health"))).StatusCode; }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { return 0; }
    }

    /// <summary>From building the AppHost model to every service healthy (reported, never asserted).</summary>
    public TimeSpan StartUpTime { get; private init; }

    public static async Task<Platform> StartAsync(string dataFolder, params string[] configuration)
    {
        Directory.CreateDirectory(dataFolder);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string[] args = [$"Longshan:DataDirectory={dataFolder}", .. configuration];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Longshan_AppHost>(args, (options, _) => options.DisableDashboard = true);
        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await app.StartAsync(timeout.Token);
        foreach (var service in Services)
            await app.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
        return new Platform(app, dataFolder) { StartUpTime = clock.Elapsed };
    }

    public GrpcChannel Channel(string service)
    {
        if (!channels.TryGetValue(service, out var channel))
            channels[service] = channel = GrpcChannel.ForAddress(app.GetEndpoint(service, "grpc"));
        return channel;
    }

    public async Task<string> BrokerConnectionStringAsync() =>
        await app.GetConnectionStringAsync("rabbitmq") ?? throw new InvalidOperationException("no rabbitmq connection string");

    /// <summary>Reads a service's own SQLite file (read-only) to check what it stored.</summary>
    public async Task<T> QueryAsync<T>(string service, Func<SqliteConnection, Task<T>> query)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(DataFolder, service + ".db")};Mode=ReadOnly");
        await connection.OpenAsync();
        return await query(connection);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in channels.Values) channel.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
