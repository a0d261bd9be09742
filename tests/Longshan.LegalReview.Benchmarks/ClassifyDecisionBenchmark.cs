using System.Globalization;
using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Longshan.Benchmarks.Echo;
using Longshan.Contracts.Events.Publicity;
using Longshan.Contracts.LegalReview.V1;
using Longshan.LegalReview.Agencies;
using Longshan.LegalReview.Catalog;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identity;
using Longshan.Testing;
using Longshan.Testing.Load;
using static Longshan.Testing.Load.BenchmarkArgs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Longshan.LegalReview.Benchmarks;

/// <summary>
/// 重大执法决定认定 (T12): <c>ClassifyDecision</c> calls per second with 16 concurrent callers against a gRPC echo behind
/// the same authentication pipeline (service defaults with telemetry, bearer JWT validation, the platform's
/// authorization policies and gRPC interceptor; the echo requires the same <c>read</c> policy and gets the same token),
/// in the same run. LegalReview runs with its real pipeline on Kestrel, a temporary SQLite file (a published county base
/// catalog and an agency extension) and a private RabbitMQ node; each server in a child process of this program, the
/// callers in this one, one <see cref="GrpcChannel"/> per server (h2c, loopback). Options: --callers 16 --seconds 10
/// --warmup 3 --rounds 2 (rounds alternate echo and ClassifyDecision); --probe prints the in-process cost of the
/// classification alone (no gRPC).
/// </summary>
public static class ClassifyDecisionBenchmark
{
    static readonly string Agency = CreditCodes.WithCheck("11433130000000001");
    static readonly string Bureau = CreditCodes.WithCheck("11433130000000099");

    public static async Task RunAsync(string[] args)
    {
        if (Array.IndexOf(args, "--serve") is var serve and >= 0)
        {
            await ServeAsync(args[serve + 1], args);
            return;
        }

        var callers = Option(args, "--callers", 16);
        var duration = TimeSpan.FromSeconds(Option(args, "--seconds", 10));
        var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 3));
        var rounds = Option(args, "--rounds", 2);
        var work = Directory.CreateTempSubdirectory("longshan-bench-classify-").FullName;
        var broker = new RabbitNode(Path.Combine(work, "broker"));
        try
        {
            await broker.StartAsync();
            await using var legalReview = await ChildServer.StartAsync(typeof(ClassifyDecisionBenchmark).Assembly, "classify", "legalreview",
                ["--db", Path.Combine(work, "legalreview.db"), "--broker", broker.ConnectionString, .. args.Where(a => a == "--probe")]);
            await using var echo = await ChildServer.StartAsync(typeof(ClassifyDecisionBenchmark).Assembly, "classify", "echo", []);
            Console.WriteLine($"classify: LegalReview and the echo started; {callers} callers on one channel per server, h2c on 127.0.0.1, {Environment.ProcessorCount} cores, load {LoadRun.LoadAverage()}");

            var token = TestTokens.Bearer(new TestPerson("bench"), Agency, Roles.Agency);
            var drafts = Drafts();
            using var legalReviewChannel = GrpcChannel.ForAddress(legalReview.Address);
            using var echoChannel = GrpcChannel.ForAddress(echo.Address);
            var catalog = new CatalogService.CatalogServiceClient(legalReviewChannel);
            var pinger = new EchoService.EchoServiceClient(echoChannel);
            Func<Random, Task> classify = async random => await catalog.ClassifyDecisionAsync(drafts[random.Next(drafts.Length)], token);
            Func<Random, Task> ping = async random => await pinger.EchoAsync(new EchoRequest { Text = drafts[random.Next(drafts.Length)].AgencyCode }, token);

            var sample = await catalog.ClassifyDecisionAsync(drafts[1], token);
            Console.WriteLine($"  sample: major={sample.Major}, {string.Join("; ", sample.Matched.Select(m => $"{m.Item.Code} ({m.Source}): {m.Reason}"))}");
            await LoadRun.MeasureAsync(ping, callers, warmup);
            await LoadRun.MeasureAsync(classify, callers, warmup);

            var echoRuns = new List<LoadRun>();
            var classifyRuns = new List<LoadRun>();
            for (var round = 1; round <= rounds; round++)
            {
                echoRuns.Add((await LoadRun.MeasureAsync(ping, callers, duration)).Report($"round {round} echo (same pipeline)"));
                classifyRuns.Add((await LoadRun.MeasureAsync(classify, callers, duration)).Report($"round {round} ClassifyDecision"));
            }
            var echoRate = echoRuns.Average(r => r.CallsPerSecond);
            var classifyRate = classifyRuns.Average(r => r.CallsPerSecond);
            Console.WriteLine($"  echo {echoRate:F0} calls/s, ClassifyDecision {classifyRate:F0} calls/s, ratio {classifyRate / echoRate:F2} (target >= 0.60); load {LoadRun.LoadAverage()}");
        }
        finally
        {
            await broker.DisposeAsync();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The 1/5/15-minute load averages (Linux), to read the figures against.</summary>

    /// <summary>A mix of drafts: minor and major fines around the thresholds, penalty kinds, flags, actions, both party kinds.</summary>
    static ClassifyDecisionRequest[] Drafts()
    {
        var drafts = new List<ClassifyDecisionRequest>();
        var amounts = new long[] { 50_000, 999_999, 1_000_000, 5_000_000, 9_999_999, 10_000_000, 20_000_000 };
        foreach (var party in new[] { CatalogPartyKind.NaturalPerson, CatalogPartyKind.Organisation })
            foreach (var fen in amounts)
            {
                drafts.Add(new ClassifyDecisionRequest { AgencyCode = Agency, PartyKind = party, Penalties = { new PenaltyAmount { Kind = "fine", AmountFen = fen } } });
                drafts.Add(new ClassifyDecisionRequest
                {
                    AgencyCode = Agency, PartyKind = party, HearingHeld = fen > 1_000_000,
                    Penalties = { new PenaltyAmount { Kind = "warning" }, new PenaltyAmount { Kind = "confiscation-of-illegal-gains", AmountFen = fen / 2 } },
                });
            }
        drafts.Add(new ClassifyDecisionRequest { AgencyCode = Agency, PartyKind = CatalogPartyKind.Organisation, Penalties = { new PenaltyAmount { Kind = "permit-revocation" } } });
        drafts.Add(new ClassifyDecisionRequest { AgencyCode = Agency, PartyKind = CatalogPartyKind.Organisation, Actions = { "auction-seized-goods" }, ComplexCase = true });
        return [.. drafts];
    }

    /// <summary>
    /// A server in its own process (this program with <c>--serve</c>), so that the callers' work does not weigh on it.
    /// It prints its address when ready and stops when its input closes.
    /// </summary>
    static async Task ServeAsync(string what, string[] args)
    {
        IAsyncDisposable server;
        string address;
        if (what == "echo")
        {
            var port = FreePort.Next();
            server = await EchoBehindPipeline.StartAsync(port);
            address = $"http://127.0.0.1:{port}";
        }
        else
        {
            var legalReview = new LegalReviewOnKestrel(Text(args, "--db"), Text(args, "--broker"));
            legalReview.StartServer();
            await SeedAsync(legalReview);
            if (Array.IndexOf(args, "--probe") >= 0) await ProbeAsync(legalReview);
            server = legalReview;
            address = legalReview.GrpcAddress;
        }
        Console.WriteLine($"ready {address}");
        await Console.In.ReadToEndAsync();
        await server.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The county base (the documented defaults, republished by the county administrator) and one agency extension, through the API.</summary>
    static async Task SeedAsync(LegalReviewOnKestrel legalReview)
    {
        var database = legalReview.Services.GetRequiredService<Database>();
        await using (var session = await database.WriteAsync(default))
        {
            await legalReview.Services.GetRequiredService<KnownAgencyStore>().UpsertAsync(session, new AgencyRegistered
            {
                EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, AgencyCode = Agency, Name = "龙山县市场监督管理局", Kind = "county-department",
                RemedyChannels = [new RemedyChannel("reconsideration", "龙山县人民政府", "")],
            });
            await session.CommitAsync();
        }

        using var channel = GrpcChannel.ForAddress(legalReview.GrpcAddress);
        var catalogs = new CatalogService.CatalogServiceClient(channel);
        await catalogs.PublishCatalogAsync(new PublishCatalogRequest
        {
            RequestId = "bench-county", Reason = "县级基础目录", Items = { MajorDecisionCatalog.Defaults },
        }, TestTokens.Bearer(new TestPerson("bench-admin"), Bureau, Roles.CountyAdmin));
        await catalogs.PublishCatalogAsync(new PublishCatalogRequest
        {
            RequestId = "bench-agency", AgencyCode = Agency, Reason = "本机关补充目录",
            Items =
            {
                new CatalogItem { Code = "M-01", Kind = CatalogItemKind.FineThreshold, PartyKind = CatalogPartyKind.Organisation, AmountFen = 5_000_000, Inclusive = false, Description = "对单位处五万元以上罚款", LegalSource = "本机关目录" },
                new CatalogItem { Code = "M-02", Kind = CatalogItemKind.DecisionAction, Action = "business-stopping-seizure", Description = "查封经营场所", LegalSource = "本机关目录" },
            },
        }, TestTokens.Bearer(new TestPerson("bench-agency"), Agency, Roles.Agency));
    }

    /// <summary>Diagnostic (--probe): the endpoint's classification without gRPC (reads and the pure rule), 1, 2 and 16 callers.</summary>
    static async Task ProbeAsync(LegalReviewOnKestrel legalReview)
    {
        var drafts = Drafts();
        var catalogs = legalReview.Services.GetRequiredService<CatalogStore>();
        var database = legalReview.Services.GetRequiredService<Database>();
        foreach (var threads in new[] { 1, 2, 16 })
        {
            var run = await LoadRun.MeasureAsync(async random =>
            {
                await using var session = await database.ReadAsync(default);
                var (@base, extension) = await catalogs.InForceAsync(session, Agency);
                MajorDecisionCatalog.Classify(@base.Items.Select(i => (i, "county")).Concat(extension!.Items.Select(i => (i, "agency"))), drafts[random.Next(drafts.Length)]);
            }, threads, TimeSpan.FromSeconds(3));
            Console.WriteLine($"probe: classification in-process (catalog versions read + rule), {threads} callers: {run.CallsPerSecond:F0} calls/s");
        }
    }

    /// <summary>
    /// The baseline: a gRPC echo behind what every Longshan service puts in front of its endpoints — service defaults
    /// (OpenTelemetry, health), the platform's bearer identity and authorization (the echo requires the same
    /// <see cref="Policies.Read"/> policy as ClassifyDecision) and the platform's gRPC interceptor — and nothing else.
    /// </summary>
    sealed class EchoBehindPipeline(WebApplication app) : IAsyncDisposable
    {
        public static async Task<EchoBehindPipeline> StartAsync(int port)
        {
            var builder = WebApplication.CreateBuilder();
            builder.Configuration["Identity:UseDevelopmentIssuer"] = "true";
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
            builder.AddServiceDefaults();
            builder.AddLongshanIdentity();
            builder.Services.AddGrpc(o => o.Interceptors.Add<OwningAgencyInterceptor>());
            var app = builder.Build();
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapGrpcService<EchoEndpoint>().RequireAuthorization(Policies.Read);
            await app.StartAsync();
            return new EchoBehindPipeline(app);
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    sealed class EchoEndpoint : EchoService.EchoServiceBase
    {
        public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
            Task.FromResult(new EchoResponse { Text = request.Text });
    }
}

/// <summary>LegalReview on real Kestrel with its production pipeline (its own HTTP_PORT / GRPC_PORT on loopback), a given SQLite file and broker, the development issuer.</summary>
sealed class LegalReviewOnKestrel : WebApplicationFactory<CatalogEndpoint>
{
    readonly string databasePath;
    readonly string brokerUri;
    readonly int grpcPort = FreePort.Next();

    public LegalReviewOnKestrel(string databasePath, string brokerUri)
    {
        this.databasePath = databasePath;
        this.brokerUri = brokerUri;
        // Run from the repository root the factory cannot find its content root: name it (the service needs no content files).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_LONGSHAN_LEGALREVIEW", AppContext.BaseDirectory);
        UseKestrel();
    }

    public string GrpcAddress => $"http://127.0.0.1:{grpcPort}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:legalreview-db", $"Data Source={databasePath}");
        builder.UseSetting("ConnectionStrings:rabbitmq", brokerUri);
        builder.UseSetting("Identity:UseDevelopmentIssuer", "true");
        builder.UseSetting("LISTEN_ADDRESS", "127.0.0.1");
        builder.UseSetting("HTTP_PORT", FreePort.Next().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("GRPC_PORT", grpcPort.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
