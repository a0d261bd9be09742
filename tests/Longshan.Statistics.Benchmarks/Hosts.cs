using System.Globalization;
using Longshan.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Longshan.Statistics.Benchmarks;

/// <summary>A service on real Kestrel (its own HTTP_PORT / GRPC_PORT on loopback), a given SQLite file and broker, the development issuer.</summary>
sealed class OnKestrel<TMarker>(string service, string databasePath, string brokerUri) : WebApplicationFactory<TMarker> where TMarker : class
{
    public int GrpcPort { get; } = FreePort.Next();

    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    public OnKestrel<TMarker> Start()
    {
        // Run from the repository root the factory cannot find its content root: name it (the services need no content files).
        Environment.SetEnvironmentVariable($"ASPNETCORE_TEST_CONTENTROOT_LONGSHAN_{service.ToUpperInvariant()}", AppContext.BaseDirectory);
        UseKestrel();
        StartServer();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting($"ConnectionStrings:{service}-db", $"Data Source={databasePath}");
        builder.UseSetting("ConnectionStrings:rabbitmq", brokerUri);
        builder.UseSetting("Identity:UseDevelopmentIssuer", "true");
        builder.UseSetting("LISTEN_ADDRESS", "127.0.0.1");
        builder.UseSetting("HTTP_PORT", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("GRPC_PORT", GrpcPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
