using System.Diagnostics;
using System.Globalization;
using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Longshan.Benchmarks.Echo;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Identity;
using Longshan.Publicity.Officers;
using Longshan.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Longshan.Testing.Load;
using static Longshan.Testing.Load.BenchmarkArgs;

namespace Longshan.Benchmarks;

/// <summary>
/// 执法证查询 (T3): public <c>VerifyCertificate</c> calls per second against a plain gRPC echo, in the same run, with the
/// same callers on one <see cref="GrpcChannel"/> each (HTTP/2 cleartext, loopback only). Publicity runs with its real
/// pipeline (authentication, telemetry, gRPC) on Kestrel, a temporary SQLite file and a private RabbitMQ node; each
/// server runs in a child process of this program, the callers in this one. Options: --officers 10000 --callers 16
/// --seconds 10 --warmup 3 --rounds 2 (rounds alternate echo and verification; bounded in time and in calls);
/// --probe also prints the in-process cost of the lookup alone (no gRPC); --platform-echo also measures the echo behind
/// the platform's pipeline (telemetry, authentication, authorization).
/// </summary>
public static class CertificateVerificationBenchmark
{
    const long MaxCallsPerRun = 20_000_000;

    public static async Task RunAsync(string[] args)
    {
        if (Array.IndexOf(args, "--serve") is var serve and >= 0)
        {
            await ServeAsync(args[serve + 1], args);
            return;
        }

        var officers = Option(args, "--officers", 10_000);
        var callers = Option(args, "--callers", 16);
        var duration = TimeSpan.FromSeconds(Option(args, "--seconds", 10));
        var warmup = TimeSpan.FromSeconds(Option(args, "--warmup", 3));
        var rounds = Option(args, "--rounds", 2);
        var work = Directory.CreateTempSubdirectory("longshan-bench-certificates-").FullName;
        var broker = new RabbitNode(Path.Combine(work, "broker"));
        try
        {
            await broker.StartAsync();
            var seeding = Stopwatch.StartNew();
            await using var publicity = await ChildServer.StartAsync(typeof(CertificateVerificationBenchmark).Assembly, "certificates", "publicity",
                ["--db", Path.Combine(work, "publicity.db"), "--broker", broker.ConnectionString, "--officers", officers.ToString(CultureInfo.InvariantCulture),
                 .. args.Where(a => a == "--probe")]);
            Console.WriteLine($"certificates: Publicity started and seeded with {officers} officers in {seeding.Elapsed.TotalSeconds:F1} s; {callers} callers on one channel per server, h2c on 127.0.0.1");
            await using var echo = await ChildServer.StartAsync(typeof(CertificateVerificationBenchmark).Assembly, "certificates", "echo", []);
            await using var platformEcho = args.Contains("--platform-echo") ? await ChildServer.StartAsync(typeof(CertificateVerificationBenchmark).Assembly, "certificates", "platform-echo", []) : null;

            var numbers = CertificateNumbers(officers);
            using var publicityChannel = GrpcChannel.ForAddress(publicity.Address);
            using var echoChannel = GrpcChannel.ForAddress(echo.Address);
            var verifier = new OfficerService.OfficerServiceClient(publicityChannel);
            var pinger = new EchoService.EchoServiceClient(echoChannel);
            Func<Random, Task> verify = async random =>
                await verifier.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = numbers[random.Next(numbers.Length)] });
            Func<Random, Task> ping = async random => await pinger.EchoAsync(new EchoRequest { Text = numbers[random.Next(numbers.Length)] });

            var sample = await verifier.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = numbers[0] });
            Console.WriteLine($"  sample: {sample.CertificateNumber} {sample.HolderName} / {sample.AgencyName} / {sample.Status} / {sample.ValidFrom}..{sample.ValidTo}");
            await LoadRun.MeasureAsync(ping, callers, warmup, MaxCallsPerRun);
            await LoadRun.MeasureAsync(verify, callers, warmup, MaxCallsPerRun);
            if (platformEcho is not null) await MeasurePlatformEchoAsync(platformEcho.Address, numbers, callers, warmup, duration);

            var echoRuns = new List<LoadRun>();
            var verifyRuns = new List<LoadRun>();
            for (var round = 1; round <= rounds; round++)
            {
                echoRuns.Add((await LoadRun.MeasureAsync(ping, callers, duration, MaxCallsPerRun)).Report($"round {round} echo", 30));
                verifyRuns.Add((await LoadRun.MeasureAsync(verify, callers, duration, MaxCallsPerRun)).Report($"round {round} VerifyCertificate", 30));
            }
            var echoRate = echoRuns.Average(r => r.CallsPerSecond);
            var verifyRate = verifyRuns.Average(r => r.CallsPerSecond);
            Console.WriteLine($"  echo {echoRate:F0} calls/s, VerifyCertificate {verifyRate:F0} calls/s, ratio {verifyRate / echoRate:F2} (target >= 0.60)");
        }
        finally
        {
            await broker.DisposeAsync();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Diagnostic (--platform-echo): the echo behind the platform's pipeline, measured once.</summary>
    static async Task MeasurePlatformEchoAsync(string address, string[] numbers, int callers, TimeSpan warmup, TimeSpan duration)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var client = new EchoService.EchoServiceClient(channel);
        Func<Random, Task> ping = async random => await client.EchoAsync(new EchoRequest { Text = numbers[random.Next(numbers.Length)] });
        await LoadRun.MeasureAsync(ping, callers, warmup, MaxCallsPerRun);
        (await LoadRun.MeasureAsync(ping, callers, duration, MaxCallsPerRun)).Report("echo behind platform pipeline", 30);
    }

    static string[] CertificateNumbers(int count) => [.. Enumerable.Range(0, count).Select(i => $"HN{43013000000 + i}")];

    /// <summary>
    /// A server in its own process (this program with <c>--serve</c>), so that neither the client's work nor one
    /// server's telemetry listeners weigh on the other. It prints its address when ready and stops when its input closes.
    /// </summary>
    static async Task ServeAsync(string what, string[] args)
    {
        var port = FreePort.Next();
        IAsyncDisposable server;
        if (what is "echo" or "platform-echo") server = await EchoOnKestrel.StartAsync(port, platformPipeline: what == "platform-echo");
        else
        {
            var publicity = new PublicityOnKestrel(Text(args, "--db"), Text(args, "--broker"), port);
            publicity.StartServer();
            await SeedAsync(publicity, Option(args, "--officers", 10_000));
            if (Array.IndexOf(args, "--probe") >= 0) await ProbeAsync(publicity, Option(args, "--officers", 10_000));
            server = publicity;
        }
        Console.WriteLine($"ready http://127.0.0.1:{port}");
        await Console.In.ReadToEndAsync();
        await server.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    static async Task ProbeAsync(PublicityOnKestrel publicity, int count)
    {
        var numbers = CertificateNumbers(count);
        var verification = publicity.Services.GetRequiredService<CertificateVerification>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var threads in new[] { 1, 2, 16 })
        {
            var run = await LoadRun.MeasureAsync(async random => await verification.VerifyAsync(numbers[random.Next(numbers.Length)], today, default), threads, TimeSpan.FromSeconds(3), MaxCallsPerRun);
            Console.WriteLine($"probe: VerifyAsync in-process, {threads} callers: {run.CallsPerSecond:F0} calls/s");
        }
    }

    /// <summary>Agencies through the gRPC API; officers straight through the service's own store, in one transaction (5 % each suspended, revoked, expired).</summary>
    static async Task<string[]> SeedAsync(PublicityOnKestrel publicity, int count)
    {
        using var channel = GrpcChannel.ForAddress(publicity.GrpcAddress);
        var agencies = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var code = CreditCodes.WithCheck($"11433130{i + 1:D9}");
            await new AgencyService.AgencyServiceClient(channel).RegisterAgencyAsync(new RegisterAgencyRequest
            {
                RequestId = $"bench-{i}", CreditCode = code, Name = $"龙山县第{i + 1}执法局", Kind = AgencyKind.CountyDepartment,
                RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府" } },
                Duties = { "依法查处本行政区域内的违法行为" },
                StatusBases = { new LegalBasis { Law = "《龙山县人民政府机构改革方案》", Article = "龙发〔2019〕5号" } },
            }, TestTokens.Bearer(new TestPerson("bench"), code, Roles.CountyAdmin));
            agencies.Add(code);
        }

        var database = publicity.Services.GetRequiredService<Database>();
        var store = publicity.Services.GetRequiredService<OfficerStore>();
        var numbers = CertificateNumbers(count);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using var session = await database.WriteAsync(default);
        for (var i = 0; i < count; i++)
        {
            var state = (i % 20) switch { 0 => CertificateState.Suspended, 1 => CertificateState.Revoked, _ => CertificateState.Active };
            var validTo = i % 20 == 2 ? today.AddDays(-30) : today.AddYears(2);
            await store.InsertAsync(session, new OfficerRecord(Guid.NewGuid(), agencies[i % agencies.Count], $"执法员{i}", numbers[i],
                CertificateKind.Enforcement, "湖南省人民政府", today.AddYears(-3), validTo, ["龙山县", "市场监管"], state, "", 1), DateTimeOffset.UtcNow);
        }
        await session.CommitAsync();
        return numbers;
    }

    /// <summary>The baseline: a gRPC service that only answers, on Kestrel, h2c on loopback.</summary>
    sealed class EchoOnKestrel(WebApplication app, string address) : IAsyncDisposable
    {
        public string Address => address;

        /// <param name="platformPipeline">Diagnostic: the same echo behind the platform's pipeline (service defaults with
        /// telemetry, bearer authentication, authorization), to tell the pipeline's cost from the lookup's.</param>
        public static async Task<EchoOnKestrel> StartAsync(int port, bool platformPipeline)
        {
            var builder = WebApplication.CreateBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
            if (platformPipeline)
            {
                builder.Configuration["Identity:UseDevelopmentIssuer"] = "true";
                builder.AddServiceDefaults();
                builder.AddLongshanIdentity();
            }
            builder.Services.AddGrpc();
            var app = builder.Build();
            if (platformPipeline)
            {
                app.UseAuthentication();
                app.UseAuthorization();
            }
            app.MapGrpcService<EchoEndpoint>();
            await app.StartAsync();
            return new EchoOnKestrel(app, $"http://127.0.0.1:{port}");
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    sealed class EchoEndpoint : EchoService.EchoServiceBase
    {
        /// <summary>Anonymous like the certificate check: behind the platform pipeline the fallback policy denies by default.</summary>
        [Microsoft.AspNetCore.Authorization.AllowAnonymous]
        public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context) =>
            Task.FromResult(new EchoResponse { Text = request.Text });
    }
}
