using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Identity;
using Longshan.Testing;
using Longshan.Testing.Load;
using Microsoft.Data.Sqlite;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Longshan.Benchmarks;

/// <summary>
/// The write path as an agency system feels it: gRPC <c>RegisterDecision</c> until its <c>DecisionRegistered</c> event
/// reaches a plain AMQP subscriber (RabbitMQ.Client, a queue bound to the documented exchange). In one run, beside:
/// the SQLite durable-commit floor on the same disk (WAL, synchronous=FULL, two small inserts per transaction, one
/// connection) and plain MassTransit publish→consume on the same broker. Callers: 1, 4 and 16 (answered/s and
/// call start → event p50/p99); then GetDecision through the same pipeline at 1 and 16 callers (the call without its write
/// and event: a ceiling no write can pass on this machine); then 16 callers paced at half the best rate; then the pages one call commits and the
/// disk's floor for a commit of that many pages; last, 1 and 16 callers with the database on tmpfs (fsync free), to
/// show how much of a call the disk is.
/// Options: <c>--calls N</c> (per caller count, default 2000), <c>--seconds S</c> (paced run, default 10),
/// <c>--callers N</c> (only that caller count), <c>--agencies N</c> (callers spread over N agencies, default 1).
/// </summary>
static class WritePathBenchmark
{
    const string Exchange = "longshan.publicity.decision-registered.v1";

    /// <summary>The broker's process, whose CPU each run counts beside this process's.</summary>
    static int? brokerProcess;

    public static async Task RunAsync(string[] args)
    {
        var calls = BenchmarkArgs.Option(args, "--calls", 2000);
        var pacedSeconds = BenchmarkArgs.Option(args, "--seconds", 10);
        var folder = Path.Combine(Path.GetTempPath(), "longshan-bench-write-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);

        var floor = CommitFloor(Path.Combine(folder, "floor.db"), 4000);
        Console.WriteLine($"SQLite durable-commit floor (WAL, synchronous=FULL, 2 inserts/commit, 1 connection): {floor:F0} commits/s");

        await using var broker = new RabbitNode(Path.Combine(folder, "broker"));
        await broker.StartAsync();
        brokerProcess = broker.ProcessId;
        var plain = await OutboxBenchmark.PlainPublishConsumeAsync(broker, folder, 10_000);
        Console.WriteLine($"plain MassTransit publish→consume: {plain:F0} msg/s");

        using var publicity = new PublicityOnKestrel(Path.Combine(folder, "publicity.db"), broker.ConnectionString);
        publicity.StartServer();
        using var channel = GrpcChannel.ForAddress(publicity.GrpcAddress);
        var client = new DecisionService.DecisionServiceClient(channel);
        // Events leave in order per agency, each confirmed before the next (OutboxDispatcher): one agency (the default)
        // is the worst case for call → event; --agencies N spreads the callers over N agencies, as a county's would be.
        var agencyCount = BenchmarkArgs.Option(args, "--agencies", 1);
        var agencies = await RegisterAgenciesAsync(channel, agencyCount);
        await using var subscriber = await Subscriber.StartAsync(broker.ConnectionString);
        Console.WriteLine($"callers write for {agencyCount} agenc{(agencyCount == 1 ? "y" : "ies")}");

        await WarmUpAsync(client, subscriber, agencies);
        var best = 0.0;
        var only = BenchmarkArgs.Option(args, "--callers", 0);
        foreach (var callers in only > 0 ? [only] : new[] { 1, 4, 16 })
        {
            // The disk's speed drifts (other work on the machine): the floor is measured again right before each run.
            floor = CommitFloor(Path.Combine(folder, $"floor-{callers}.db"), 1500);
            using var probe = new WriteGroupProbe();
            var result = await RunAsync(client, subscriber, agencies, callers, calls);
            best = Math.Max(best, result.PerSecond);
            Console.WriteLine(result.Describe($"{callers,2} caller(s)", floor));
            Console.WriteLine($"    service writes: {probe.Describe()}");
        }

        // What the call costs without its write: GetDecision goes through the same channel, Kestrel, token validation and
        // interceptors and reads one decision, but commits nothing and publishes nothing. Its rate bounds what any write
        // through this pipeline could answer on this machine, whatever the disk allows.
        var sample = await client.RegisterDecisionAsync(Decision(agencies[0].Code, CountyTime.Format(CountyTime.Today(TimeProvider.System))), agencies[0].Token);
        foreach (var callers in only > 0 ? [only] : new[] { 1, 16 })
        {
            floor = CommitFloor(Path.Combine(folder, $"floor-read-{callers}.db"), 1500);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var read = new GetDecisionRequest { DecisionId = sample.Decision.DecisionId };
            var run = await LoadRun.MeasureAsync(async _ => await client.GetDecisionAsync(read, agencies[0].Token, deadline: DateTime.UtcNow.AddSeconds(30)), callers, TimeSpan.FromMinutes(5), calls);
            var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, run.Calls);
            Console.WriteLine($"ceiling without the write: GetDecision, {callers,2} caller(s): {run.CallsPerSecond:F0} answered/s ({run.CallsPerSecond / floor:F2} of the floor of {floor:F0}/s just before); CPU {cpuPerCall:F2} ms/call; errors {run.Errors}");
        }

        floor = CommitFloor(Path.Combine(folder, "floor-paced.db"), 1500);
        var paced = await RunAsync(client, subscriber, agencies, callers: 16, total: (int)(best / 2 * pacedSeconds), ratePerSecond: best / 2);
        Console.WriteLine(paced.Describe($"16 callers paced at {best / 2:F0}/s", floor));

        // The floor commits 2 small pages; a RegisterDecision commits more (its rows and their indexes): the same disk's
        // floor for a commit of that many pages is what one caller's calls are bounded by.
        var pages = await PagesPerCallAsync(client, subscriber, agencies, Path.Combine(folder, "publicity.db"));
        var sized = CommitFloor(Path.Combine(folder, "floor-sized.db"), 1500, (int)Math.Round(pages));
        floor = CommitFloor(Path.Combine(folder, "floor-last.db"), 1500);
        Console.WriteLine($"pages a RegisterDecision commits (WAL frames per call, its outbox sent mark included): {pages:F1}; " +
            $"durable commits of that many pages: {sized:F0}/s ({sized / floor:F2} of the 2-page floor of {floor:F0}/s measured after it)");

        // Where the disk stands: the same write path with the service's database on tmpfs, where fsync costs nothing.
        // Figures close to the ones above say the write path is bound by something other than the disk (CPU).
        if (Directory.Exists("/dev/shm")) await WithoutTheDiskAsync(broker, subscriber, agencyCount, calls, folder);
        Console.WriteLine($"cores: {Environment.ProcessorCount}; durability: SQLite WAL with synchronous=FULL in the service");
    }

    static async Task WithoutTheDiskAsync(RabbitNode broker, Subscriber subscriber, int agencyCount, int calls, string folder)
    {
        var memory = Path.Combine("/dev/shm", Path.GetFileName(folder));
        Directory.CreateDirectory(memory);
        try
        {
            using var publicity = new PublicityOnKestrel(Path.Combine(memory, "publicity.db"), broker.ConnectionString);
            publicity.StartServer();
            using var channel = GrpcChannel.ForAddress(publicity.GrpcAddress);
            var client = new DecisionService.DecisionServiceClient(channel);
            var agencies = await RegisterAgenciesAsync(channel, agencyCount);
            await RunAsync(client, subscriber, agencies, callers: 4, total: 1000); // this instance's connections and caches; the JIT is warm
            foreach (var callers in new[] { 1, 16 })
            {
                var floor = CommitFloor(Path.Combine(folder, $"floor-tmpfs-{callers}.db"), 1500);
                using var probe = new WriteGroupProbe();
                var result = await RunAsync(client, subscriber, agencies, callers, calls);
                Console.WriteLine(result.Describe($"{callers,2} caller(s), database on tmpfs (no fsync)", floor));
                Console.WriteLine($"    service writes: {probe.Describe()}");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(memory, recursive: true);
        }
    }

    /// <summary>
    /// Warm-up until tiered compilation has settled: a profile of a run right after a short warm-up showed the
    /// tier-1 compiler thread using 30% of the CPU 10–20 s into it, so every figure carried the start-up JIT. Batches of
    /// calls (1 and 4 callers, so both paths get hot) until a batch compiles fewer than 20 new methods.
    /// </summary>
    static async Task WarmUpAsync(DecisionService.DecisionServiceClient client, Subscriber subscriber, IReadOnlyList<Agency> agencies)
    {
        var clock = Stopwatch.StartNew();
        long compiled;
        var batches = 0;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            await RunAsync(client, subscriber, agencies, callers: 1, total: 300);
            await RunAsync(client, subscriber, agencies, callers: 4, total: 300);
            await Task.Delay(200); // the tier-1 queue works in the background
            batches++;
        }
        while (System.Runtime.JitInfo.GetCompiledMethodCount() - compiled >= 20 && clock.Elapsed < TimeSpan.FromSeconds(90));
        Console.WriteLine($"warm-up: {batches} batches in {clock.Elapsed.TotalSeconds:F0} s, {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled");
    }

    /// <summary>
    /// Commits per second of a minimal durable write on this disk (one small insert into each of <paramref name="pages"/>
    /// tables, so each commit writes that many pages): with 2, the floor a platform write cannot beat alone.
    /// </summary>
    static double CommitFloor(string path, int commits, int pages = 2)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var tables = Enumerable.Range(0, pages).Select(t => $"t{t}").ToList();
        Exec(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; " + string.Concat(tables.Select(t => $"CREATE TABLE {t} (id INTEGER PRIMARY KEY, v TEXT);")));
        using var insert = connection.CreateCommand();
        insert.CommandText = string.Concat(tables.Select(t => $"INSERT INTO {t} (v) VALUES ('x');"));
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < commits; i++)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            insert.ExecuteNonQuery();
            transaction.Commit();
        }

        return commits / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// WAL frames (pages) a RegisterDecision commits: the WAL is emptied (a TRUNCATE checkpoint from another connection),
    /// calls run one after another until their events arrived and their sent marks are committed, then the WAL's length
    /// counts the frames (fewer than the auto-checkpoint's 1,000, so none is lost to a checkpoint).
    /// </summary>
    static async Task<double> PagesPerCallAsync(DecisionService.DecisionServiceClient client, Subscriber subscriber, IReadOnlyList<Agency> agencies, string database)
    {
        const int calls = 40;
        await Task.Delay(500); // the last run's deferred sent marks
        long pageSize;
        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
            using var size = connection.CreateCommand();
            size.CommandText = "PRAGMA page_size";
            pageSize = (long)size.ExecuteScalar()!;
        }

        await RunAsync(client, subscriber, agencies, callers: 1, total: calls);
        await Task.Delay(500);
        const int frameHeader = 24, walHeader = 32;
        return (new FileInfo(database + "-wal").Length - walHeader) / (double)(pageSize + frameHeader) / calls;
    }

    static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    static async Task<Result> RunAsync(
        DecisionService.DecisionServiceClient client, Subscriber subscriber, IReadOnlyList<Agency> agencies, int callers, int total, double? ratePerSecond = null)
    {
        var started = new ConcurrentDictionary<string, long>();
        var next = -1;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var brokerCpu = ProcessTreeCpu.Of(brokerProcess);
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var clock = Stopwatch.StartNew();
        var errors = 0;
        var today = CountyTime.Format(CountyTime.Today(TimeProvider.System));
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async c =>
        {
            var agency = agencies[c % agencies.Count];
            for (int i; (i = Interlocked.Increment(ref next)) < total;)
            {
                if (ratePerSecond is { } rate)
                {
                    var due = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                    if (due > TimeSpan.Zero) await Task.Delay(due);
                }

                var request = Decision(agency.Code, today);
                var at = Stopwatch.GetTimestamp();
                try
                {
                    var response = await client.RegisterDecisionAsync(request, agency.Token, deadline: DateTime.UtcNow.AddSeconds(30));
                    started[response.Decision.DecisionId] = at;
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var answeredIn = clock.Elapsed;
        var cpuPerCall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Math.Max(1, total - errors);
        var latencies = await subscriber.LatenciesAsync(started, TimeSpan.FromSeconds(60));
        // The broker's CPU until every event arrived: each call's publish, routing and delivery.
        var brokerPerCall = (ProcessTreeCpu.Of(brokerProcess) - brokerCpu).TotalMilliseconds / Math.Max(1, total - errors);
        return new Result(total - errors, errors, (total - errors) / answeredIn.TotalSeconds, latencies, cpuPerCall, brokerPerCall,
            System.Runtime.JitInfo.GetCompiledMethodCount() - compiled);
    }

    /// <param name="CpuMsPerCall">CPU time of this process (callers, service, outbox, subscriber) per answered call.</param>
    /// <param name="BrokerCpuMsPerCall">CPU time of the broker (RabbitMQ's process tree) per answered call.</param>
    /// <param name="Compiled">Methods the JIT compiled during the run (a steady state compiles few).</param>
    sealed record Result(int Answered, int Errors, double PerSecond, List<double> LatenciesMs, double CpuMsPerCall, double BrokerCpuMsPerCall, long Compiled)
    {
        public string Describe(string label, double floor)
        {
            LatenciesMs.Sort();
            double At(double q) => LatenciesMs.Count == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Count - 1, (int)(q * LatenciesMs.Count))];
            return $"RegisterDecision, {label}: {PerSecond:F0} answered/s ({PerSecond / floor:F2} of the floor of {floor:F0}/s just before), call → event p50 {At(0.5):F1} ms, " +
                $"p99 {At(0.99):F1} ms; events seen {LatenciesMs.Count}/{Answered}; errors {Errors}; CPU {CpuMsPerCall:F2} ms/call here + {BrokerCpuMsPerCall:F2} in the broker " +
                $"(the {Environment.ProcessorCount} cores at the floor's rate allow {1000.0 * Environment.ProcessorCount / floor:F2}); methods compiled meanwhile {Compiled}";
        }
    }

    static RegisterDecisionRequest Decision(string agency, string today) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AgencyCode = agency,
        CaseNumber = $"龙市监罚〔2026〕{Guid.NewGuid():N}号",
        Category = DecisionCategory.Penalty,
        DecisionDate = today,
        Content = new DecisionContent
        {
            Party = new Party { Kind = PartyKind.Organisation, Name = "龙山县华塘食品有限公司", CreditCode = PartyCode },
            Facts = "当事人销售超过保质期的食品。",
            LegalBasis = { new LegalBasis { Law = "《中华人民共和国食品安全法》", Article = "第一百二十四条第一款第（一）项" } },
            Penalties = { new Penalty { Kind = PenaltyKind.Fine, AmountFen = 500_000 } },
            Conclusion = "罚款人民币伍仟元",
        },
    };

    static readonly string PartyCode = CreditCodes.WithCheck("91433130MA4L00000");

    static async Task<List<Agency>> RegisterAgenciesAsync(GrpcChannel channel, int count)
    {
        var agencies = new List<Agency>();
        for (var a = 0; a < count; a++) agencies.Add(new Agency(await RegisterAgencyAsync(channel)));
        return agencies;
    }

    static async Task<string> RegisterAgencyAsync(GrpcChannel channel)
    {
        var code = CreditCodes.New();
        await new AgencyService.AgencyServiceClient(channel).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            RequestId = Guid.NewGuid().ToString(), CreditCode = code, Name = "龙山县市场监督管理局", Kind = AgencyKind.CountyDepartment,
            RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府" } },
            Duties = { "依法查处本行政区域内的违法行为" },
            StatusBases = { new LegalBasis { Law = "《龙山县人民政府机构改革方案》", Article = "龙发〔2019〕5号" } },
        }, Bearer(code, Roles.CountyAdmin));
        return code;
    }

    sealed record Agency(string Code)
    {
        public Metadata Token { get; } = Bearer(Code, Roles.Agency);
    }

    static Metadata Bearer(string agency, string role) => new()
    {
        { "authorization", "Bearer " + TokenIssuer.Mint(IdentityOptions.Development, $"bench:{role}", agency, [role], TimeSpan.FromHours(2), TimeProvider.System, "基准测试") },
    };

    /// <summary>A subscriber that knows nothing of .NET contracts: a queue bound to the exchange, JSON read by name.</summary>
    sealed class Subscriber : IAsyncDisposable
    {
        readonly ConcurrentDictionary<string, long> arrived = new();
        IConnection? connection;
        IChannel? channel;

        public static async Task<Subscriber> StartAsync(string uri)
        {
            var subscriber = new Subscriber();
            subscriber.connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
            subscriber.channel = await subscriber.connection.CreateChannelAsync();
            await subscriber.channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true);
            var queue = (await subscriber.channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
            await subscriber.channel.QueueBindAsync(queue, Exchange, "");
            var consumer = new AsyncEventingBasicConsumer(subscriber.channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                var at = Stopwatch.GetTimestamp();
                using var json = JsonDocument.Parse(delivery.Body);
                subscriber.arrived[json.RootElement.GetProperty("decisionId").GetString()!] = at;
                return Task.CompletedTask;
            };
            await subscriber.channel.BasicConsumeAsync(queue, autoAck: true, consumer);
            return subscriber;
        }

        /// <summary>Waits until every answered call's event arrived (or the timeout), then gives call start → arrival in ms.</summary>
        public async Task<List<double>> LatenciesAsync(ConcurrentDictionary<string, long> started, TimeSpan timeout)
        {
            var until = Stopwatch.StartNew();
            while (until.Elapsed < timeout && started.Keys.Any(id => !arrived.ContainsKey(id))) await Task.Delay(20);
            return started.Where(s => arrived.ContainsKey(s.Key))
                .Select(s => Stopwatch.GetElapsedTime(s.Value, arrived[s.Key]).TotalMilliseconds).ToList();
        }

        public async ValueTask DisposeAsync()
        {
            if (channel is not null) await channel.DisposeAsync();
            if (connection is not null) await connection.DisposeAsync();
        }
    }
}

/// <summary>Sums the service's <c>Longshan.Data</c> write-group measurements during one run: where the write's time went.</summary>
sealed class WriteGroupProbe : IDisposable
{
    readonly System.Diagnostics.Metrics.MeterListener listener = new();
    long groups, writes;
    double statementsMs, commitMs;

    public WriteGroupProbe()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Platform.Data.WriteMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            Interlocked.Increment(ref groups);
            Interlocked.Add(ref writes, value);
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name.EndsWith(".statements", StringComparison.Ordinal)) statementsMs += value;
            else commitMs += value;
        });
        listener.Start();
    }

    public string Describe() => groups == 0 ? "no write groups" :
        $"{groups} commits of {(double)writes / groups:F1} writes on average (requests, outbox claims and marks); " +
        $"statements {statementsMs / writes:F3} ms/write, commit {commitMs / groups:F3} ms/commit";

    public void Dispose() => listener.Dispose();
}
