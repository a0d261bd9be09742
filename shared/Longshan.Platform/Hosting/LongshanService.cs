using System.Net;
using System.Reflection;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identity;
using Longshan.Platform.Legal;
using Longshan.Platform.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Net.Http.Headers;

namespace Longshan.Platform.Hosting;

/// <summary>
/// What every Longshan service does at start-up: its own database (SQLite or SQL Server) with migrations,
/// bearer-token identity, MassTransit with the outbox, gRPC with reflection, and Kestrel endpoints
/// (HTTP/1.1 for the portal and health, HTTP/2 without TLS for gRPC). Shared legal configuration is read here once,
/// so every service applies the same: the county calendar and the penalty severity order (<see cref="PenaltySeverity"/>).
/// </summary>
public static class LongshanService
{
    public static WebApplicationBuilder AddLongshanService(
        this WebApplicationBuilder builder, string serviceName)
    {
        DapperTypeHandlers.Register();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new Database(DatabaseOptionsFor(builder, serviceName)));
        builder.Services.AddSingleton<Migrator>();
        builder.Services.AddScoped<ReadSession>();
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<RequestLog>();
        builder.Services.AddSingleton<WriteTransaction>();
        // Statistics:SeverityOrder, validated here so a wrong list stops the service at start-up.
        builder.Services.AddSingleton(PenaltySeverity.FromConfiguration(builder.Configuration));

        builder.AddCountyCalendar();
        builder.AddLongshanIdentity();
        builder.AddLongshanMessaging(serviceName);
        builder.Services.AddSingleton(builder.Configuration.GetSection("Grpc:Deadlines").Get<DeadlineOptions>() ?? new DeadlineOptions());
        builder.Services.AddGrpc(o =>
        {
            o.EnableDetailedErrors = builder.Environment.IsDevelopment();
            // Outermost: the server's deadline for every unary call (streams keep their idle timeouts).
            o.Interceptors.Add<UnaryDeadlineInterceptor>();
            o.Interceptors.Add<OwningAgencyInterceptor>();
            // Every message is small: a larger one is refused with ResourceExhausted from its 5-byte length prefix,
            // before its body is read. Files travel as streams of chunks below this size (the archive's upload).
            o.MaxReceiveMessageSize = MaxMessageBytes;
            o.MaxSendMessageSize = MaxMessageBytes;
        });
        builder.Services.AddGrpcReflection();
        ConfigureKestrel(builder);
        return builder;
    }

    /// <summary>The largest gRPC message a service accepts or sends (4 MiB).</summary>
    public const int MaxMessageBytes = 4 * 1024 * 1024;

    /// <summary>Applies the platform's and the service's migrations, then wires authentication and reflection.</summary>
    public static async Task UseLongshanServiceAsync(this WebApplication app, string serviceName, Assembly serviceMigrations)
    {
        var migrator = app.Services.GetRequiredService<Migrator>();
        var time = app.Services.GetRequiredService<TimeProvider>();
        await migrator.ApplyAsync("platform", typeof(Database).Assembly, time);
        await migrator.ApplyAsync(serviceName, serviceMigrations, time);

        // A call without an Authorization header has no token to validate: the bearer handler is not run for it, so
        // anonymous public reads (the certificate check, the portal) do no token work. Authorization still runs for
        // every call: an endpoint that needs a token finds no user and challenges (401, gRPC Unauthenticated).
        app.UseWhen(context => context.Request.Headers.ContainsKey(HeaderNames.Authorization), branch => branch.UseAuthentication());
        app.UseAuthorization();
        // Service descriptions are public (grpcurl); every other endpoint needs a token unless it says otherwise.
        app.MapGrpcReflectionService().AllowAnonymous();
    }

    static DatabaseOptions DatabaseOptionsFor(WebApplicationBuilder builder, string serviceName)
    {
        var provider = builder.Configuration.GetValue("Database:Provider", SqlDialect.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString($"{serviceName}-db");
        if (provider == SqlDialect.SqlServer)
            return new DatabaseOptions { Provider = provider, ConnectionString = connectionString
                ?? throw new InvalidOperationException($"ConnectionStrings:{serviceName}-db is required for SQL Server.") };

        var sqlite = new SqliteConnectionStringBuilder(connectionString ?? $"Data Source={Path.Combine(builder.Environment.ContentRootPath, ".data", serviceName + ".db")}");
        var folder = Path.GetDirectoryName(Path.GetFullPath(sqlite.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        return new DatabaseOptions { Provider = provider, ConnectionString = sqlite.ToString() };
    }

    /// <summary>
    /// With HTTP_PORT and GRPC_PORT set (AppHost, containers) the service listens on both: gRPC needs an HTTP/2-only
    /// endpoint to work without TLS. Without them Kestrel keeps its usual configuration (ASPNETCORE_URLS).
    /// </summary>
    static void ConfigureKestrel(WebApplicationBuilder builder)
    {
        var httpPort = builder.Configuration.GetValue<int?>("HTTP_PORT");
        var grpcPort = builder.Configuration.GetValue<int?>("GRPC_PORT");
        if (httpPort is null || grpcPort is null) return;
        var address = IPAddress.Parse(builder.Configuration["LISTEN_ADDRESS"] ?? "127.0.0.1");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, httpPort.Value, o => o.Protocols = HttpProtocols.Http1);
            kestrel.Listen(address, grpcPort.Value, o => o.Protocols = HttpProtocols.Http2);
        });
    }
}
