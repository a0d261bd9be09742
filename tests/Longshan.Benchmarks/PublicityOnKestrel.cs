using System.Globalization;
using Longshan.Publicity.Officers;
using Longshan.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Longshan.Benchmarks;

/// <summary>
/// Publicity on real Kestrel with the production pipeline (the service's own HTTP_PORT / GRPC_PORT endpoints on
/// loopback), a given SQLite file and broker, and the development token issuer.
/// </summary>
sealed class PublicityOnKestrel : WebApplicationFactory<OfficerEndpoint>
{
    readonly string databasePath;
    readonly string brokerUri;

    public PublicityOnKestrel(string databasePath, string brokerUri, int? grpcPort = null)
    {
        this.databasePath = databasePath;
        this.brokerUri = brokerUri;
        GrpcPort = grpcPort ?? FreePort.Next();
        // Run from the repository root, the factory cannot find its manifest (it looks in the working folder):
        // name the content root. The service needs no content files (pages, migrations and holidays are compiled in).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LONGSHAN_PUBLICITY", AppContext.BaseDirectory);
        UseKestrel();
    }

    public int HttpPort { get; } = FreePort.Next();

    public int GrpcPort { get; }

    public string HttpAddress => $"http://127.0.0.1:{HttpPort}";

    public string GrpcAddress => $"http://127.0.0.1:{GrpcPort}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:publicity-db", $"Data Source={databasePath}");
        builder.UseSetting("ConnectionStrings:rabbitmq", brokerUri);
        builder.UseSetting("Identity:UseDevelopmentIssuer", "true");
        builder.UseSetting("LISTEN_ADDRESS", "127.0.0.1");
        builder.UseSetting("HTTP_PORT", HttpPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("GRPC_PORT", GrpcPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
