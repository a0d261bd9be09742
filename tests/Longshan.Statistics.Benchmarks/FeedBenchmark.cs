using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Grpc.Core;
using Grpc.Net.Client;
using Longshan.Contracts.Events.Publicity;
using Longshan.Contracts.Publicity.V1;
using Longshan.Contracts.Statistics.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Identity;
using Longshan.Publicity.Officers;
using Longshan.Statistics.Feed;
using Longshan.Testing;
using Microsoft.Data.Sqlite;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Longshan.Statistics.Benchmarks;

/// <summary>
/// The event feed, measured beside a baseline in the same run:
/// <list type="bullet">
/// <item>replay: N journal rows (default 1,000,000) streamed by EventFeed.Subscribe(after 0) to a .NET gRPC client over
/// loopback, against a plain SQL query reading the same rows and columns from the same SQLite file;</item>
/// <item>lag: Publicity answers RegisterDecision at a steady rate (default 100/s for 30 s); the commit (the call's answer)
/// → the DecisionRegistered event at a feed follower, against the same commit → the event at a plain AMQP subscriber
/// bound to the documented exchange (what the feed adds: Statistics' consumer, journal commit, sequencer, stream).</item>
/// </list>
/// </summary>
static class FeedBenchmark
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task RunAsync(string what, string[] args)
    {
        var folder = Path.Combine(Path.GetTempPath(), "longshan-bench-feed-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await using var broker = new RabbitNode(Path.Combine(folder, "broker"));
            await broker.StartAsync();
            if (what is "replay" or "all") await ReplayAsync(folder, broker, Option(args, "--rows", 1_000_000));
            if (what is "lag" or "all") await LagAsync(folder, broker, Option(args, "--seconds", 30), Option(args, "--rate", 100));
            Console.WriteLine($"cores: {Environment.ProcessorCount}; SQLite WAL, synchronous=FULL in the services; everything on loopback");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    static async Task ReplayAsync(string folder, RabbitNode broker, int rows)
    {
        var path = Path.Combine(folder, "statistics-replay.db");
        using var statistics = new OnKestrel<EventFeedEndpoint>("statistics", path, broker.ConnectionString).Start();
        var fill = Stopwatch.StartNew();
        var bytes = Fill(path, rows);
        Console.WriteLine($"journal filled with {rows:N0} DecisionRegistered rows ({bytes / rows} bytes of JSON each) in {fill.Elapsed.TotalSeconds:F1} s");

        var dapper = await DapperBatchesAsync(path, rows);
        Console.WriteLine($"the feed's own journal reads without gRPC (head + 1,000-row range queries, Dapper): {dapper:N0} rows/s");
        var sql1 = PlainRead(path);
        var feed = await FeedReplayAsync(statistics.GrpcAddress, rows);
        var sql2 = PlainRead(path);
        var sql = Math.Max(sql1, sql2);
        Console.WriteLine($"plain SQL read (same rows and columns, one query, Microsoft.Data.Sqlite): {sql1:N0} and {sql2:N0} rows/s");
        Console.WriteLine($"EventFeed.Subscribe replay of {rows:N0} events to a gRPC client: {feed:N0} events/s ({feed / sql:F2} of the plain SQL read)");
    }

    /// <summary>Positioned journal rows written straight into the file (the service's schema), one transaction.</summary>
    static long Fill(string path, int rows)
    {
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO event_journal (position, event_id, event_type, schema_version, agency_code, occurred_at, journalled_at, body)
            VALUES ($position, $id, 'DecisionRegistered', 1, $agency, $at, $at, $body)
            """;
        var position = command.Parameters.Add("$position", SqliteType.Integer);
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var agency = command.Parameters.Add("$agency", SqliteType.Text);
        var at = command.Parameters.Add("$at", SqliteType.Text);
        var body = command.Parameters.Add("$body", SqliteType.Text);
        var agencies = Enumerable.Range(0, 30).Select(_ => CreditCodes.New()).ToArray();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        long total = 0;
        for (var i = 1; i <= rows; i++)
        {
            var e = Decision(agencies[i % agencies.Length], start.AddSeconds(i));
            var json = JsonSerializer.Serialize(e, Web);
            total += json.Length;
            position.Value = i;
            id.Value = e.EventId.ToString("D");
            agency.Value = e.AgencyCode;
            at.Value = e.OccurredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
            body.Value = json;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
        return total;
    }

    static DecisionRegistered Decision(string agency, DateTimeOffset at) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, AgencyCode = agency, DecisionId = Guid.NewGuid(), Revision = 1,
        CaseNumber = $"龙市监罚〔2026〕{Random.Shared.Next(1, 99999)}号", Category = "penalty", DecisionDate = DateOnly.FromDateTime(at.UtcDateTime),
        PublicationDeadline = DateOnly.FromDateTime(at.UtcDateTime).AddDays(9), IsMajor = false, PartyKind = "organisation",
        Penalties = [new DecisionPenalty("fine", 500_000)], MostSeverePenalty = "fine", Publishable = true,
    };

    static async Task<double> DapperBatchesAsync(string path, int rows)
    {
        var database = new Longshan.Platform.Data.Database(new Longshan.Platform.Data.DatabaseOptions { ConnectionString = $"Data Source={path}" });
        var watch = Stopwatch.StartNew();
        long after = 0, count = 0;
        while (count < rows)
        {
            await using var session = await database.ReadAsync(CancellationToken.None);
            var head = await Longshan.Statistics.Journal.JournalStore.HeadAsync(session);
            var batch = await Longshan.Statistics.Journal.JournalStore.RangeAsync(session, after, head, null, null, 1000);
            count += batch.Count;
            after = batch[^1].Position;
        }
        return count / watch.Elapsed.TotalSeconds;
    }

    static double PlainRead(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT position, event_id, event_type, schema_version, agency_code, occurred_at, body FROM event_journal WHERE position > 0 ORDER BY position";
        var watch = Stopwatch.StartNew();
        long count = 0, check = 0;
        using (var reader = command.ExecuteReader())
            while (reader.Read())
            {
                check += reader.GetInt64(0) + reader.GetString(1).Length + reader.GetString(2).Length + reader.GetInt32(3) +
                    reader.GetString(4).Length + reader.GetString(5).Length + reader.GetString(6).Length;
                count++;
            }
        GC.KeepAlive(check);
        return count / watch.Elapsed.TotalSeconds;
    }

    static async Task<double> FeedReplayAsync(string address, int rows)
    {
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
        var client = new EventFeed.EventFeedClient(channel);
        var watch = Stopwatch.StartNew();
        using var call = client.Subscribe(new SubscribeRequest { AfterCursor = 0 }, Bearer(CreditCodes.New(), Roles.DataCenter));
        long count = 0, last = 0, check = 0;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            if (message.Event is not { } e) continue;
            if (e.Cursor != last + 1) throw new InvalidOperationException($"cursor {e.Cursor} after {last}");
            last = e.Cursor;
            check += e.Json.Length;
            if (++count == rows) break;
        }
        var rate = count / watch.Elapsed.TotalSeconds;
        GC.KeepAlive(check);
        return rate;
    }

    static async Task LagAsync(string folder, RabbitNode broker, int seconds, int rate)
    {
        using var publicity = new OnKestrel<OfficerEndpoint>("publicity", Path.Combine(folder, "publicity.db"), broker.ConnectionString).Start();
        using var statistics = new OnKestrel<EventFeedEndpoint>("statistics", Path.Combine(folder, "statistics-lag.db"), broker.ConnectionString).Start();
        using var publicityChannel = GrpcChannel.ForAddress(publicity.GrpcAddress);
        using var feedChannel = GrpcChannel.ForAddress(statistics.GrpcAddress);
        var agency = await RegisterAgencyAsync(publicityChannel);
        var decisions = new DecisionService.DecisionServiceClient(publicityChannel);
        var token = Bearer(agency, Roles.Agency);

        var atFeed = new ConcurrentDictionary<string, long>();
        var atAmqp = new ConcurrentDictionary<string, long>();
        await using var amqp = await AmqpSubscriber.StartAsync(broker.ConnectionString, atAmqp);
        using var follow = new CancellationTokenSource();
        var follower = FollowAsync(new EventFeed.EventFeedClient(feedChannel), agency, atFeed, follow.Token);

        await PacedAsync(decisions, agency, token, rate, seconds: 3, new ConcurrentDictionary<string, (long, long)>()); // warm-up
        var calls = new ConcurrentDictionary<string, (long Start, long Answered)>();
        var achieved = await PacedAsync(decisions, agency, token, rate, seconds, calls);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((calls.Keys.Any(k => !atFeed.ContainsKey(k)) || calls.Keys.Any(k => !atAmqp.ContainsKey(k))) && DateTime.UtcNow < deadline) await Task.Delay(200);
        await follow.CancelAsync();
        try { await follower; } catch (RpcException) { } catch (OperationCanceledException) { }

        static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
        var feed = calls.Where(c => atFeed.ContainsKey(c.Key)).Select(c => Ms(c.Value.Answered, atFeed[c.Key])).Order().ToList();
        var plain = calls.Where(c => atAmqp.ContainsKey(c.Key)).Select(c => Ms(c.Value.Answered, atAmqp[c.Key])).Order().ToList();
        var feedFromStart = calls.Where(c => atFeed.ContainsKey(c.Key)).Select(c => Ms(c.Value.Start, atFeed[c.Key])).Order().ToList();
        static string P(List<double> l, double q) => l.Count == 0 ? "n/a" : l[Math.Min(l.Count - 1, (int)(q * l.Count))].ToString("F1", CultureInfo.InvariantCulture);
        Console.WriteLine($"live lag at {achieved:F0} RegisterDecision/s for {seconds} s ({calls.Count} events):");
        Console.WriteLine($"  commit (call answered) → feed follower:   p50 {P(feed, 0.5)} ms, p99 {P(feed, 0.99)} ms, max {P(feed, 1)} ms; seen {feed.Count}/{calls.Count}");
        Console.WriteLine($"  commit (call answered) → AMQP subscriber: p50 {P(plain, 0.5)} ms, p99 {P(plain, 0.99)} ms, max {P(plain, 1)} ms; seen {plain.Count}/{calls.Count}  (baseline)");
        Console.WriteLine($"  call start → feed follower:               p50 {P(feedFromStart, 0.5)} ms, p99 {P(feedFromStart, 0.99)} ms");
    }

    static async Task<double> PacedAsync(DecisionService.DecisionServiceClient client, string agency, Metadata token, int rate, int seconds,
        ConcurrentDictionary<string, (long, long)> calls)
    {
        var total = rate * seconds;
        var clock = Stopwatch.StartNew();
        var today = CountyTime.Format(CountyTime.Today(TimeProvider.System));
        var inFlight = new List<Task>();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate) - clock.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            inFlight.Add(Task.Run(async () =>
            {
                var start = Stopwatch.GetTimestamp();
                var response = await client.RegisterDecisionAsync(Request(agency, today), token, deadline: DateTime.UtcNow.AddSeconds(30));
                calls[response.Decision.DecisionId] = (start, Stopwatch.GetTimestamp());
            }));
        }
        await Task.WhenAll(inFlight);
        return total / clock.Elapsed.TotalSeconds;
    }

    static async Task FollowAsync(EventFeed.EventFeedClient client, string agency, ConcurrentDictionary<string, long> arrived, CancellationToken cancellationToken)
    {
        var head = 0L;
        using var call = client.Subscribe(new SubscribeRequest { AfterCursor = head, EventTypes = { "DecisionRegistered" }, AgencyCodes = { agency } },
            Bearer(CreditCodes.New(), Roles.DataCenter), cancellationToken: cancellationToken);
        await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            if (message.Event is not { } e) continue;
            var at = Stopwatch.GetTimestamp();
            using var json = JsonDocument.Parse(e.Json);
            arrived[json.RootElement.GetProperty("decisionId").GetString()!] = at;
        }
    }

    static RegisterDecisionRequest Request(string agency, string today) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AgencyCode = agency,
        CaseNumber = $"龙市监罚〔2026〕{Guid.NewGuid():N}号",
        Category = DecisionCategory.Penalty,
        DecisionDate = today,
        Content = new DecisionContent
        {
            Party = new Party { Kind = PartyKind.Organisation, Name = "龙山县华塘食品有限公司", CreditCode = CreditCodes.WithCheck("91433130MA4L00000") },
            Facts = "当事人销售超过保质期的食品。",
            LegalBasis = { new LegalBasis { Law = "《中华人民共和国食品安全法》", Article = "第一百二十四条第一款第（一）项" } },
            Penalties = { new Penalty { Kind = PenaltyKind.Fine, AmountFen = 500_000 } },
            Conclusion = "罚款人民币伍仟元",
        },
    };

    static async Task<string> RegisterAgencyAsync(GrpcChannel channel)
    {
        var code = CreditCodes.New();
        await new AgencyService.AgencyServiceClient(channel).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            RequestId = Guid.NewGuid().ToString(), CreditCode = code, Name = "龙山县市场监督管理局", Kind = AgencyKind.CountyDepartment,
            RemedyChannels = { new Contracts.Publicity.V1.RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府" } },
            Duties = { "依法查处本行政区域内的违法行为" },
            StatusBases = { new Contracts.Publicity.V1.LegalBasis { Law = "《龙山县人民政府机构改革方案》", Article = "龙发〔2019〕5号" } },
        }, Bearer(code, Roles.CountyAdmin));
        return code;
    }

    static Metadata Bearer(string agency, string role) => new()
    {
        { "authorization", "Bearer " + TokenIssuer.Mint(IdentityOptions.Development, $"bench:{role}", agency, [role], TimeSpan.FromHours(2), TimeProvider.System, "基准测试") },
    };

    /// <summary>A subscriber that knows nothing of .NET: a queue bound to the documented exchange, JSON read by name.</summary>
    sealed class AmqpSubscriber : IAsyncDisposable
    {
        IConnection? connection;
        IChannel? channel;

        public static async Task<AmqpSubscriber> StartAsync(string uri, ConcurrentDictionary<string, long> arrived)
        {
            const string Exchange = "longshan.publicity.decision-registered.v1";
            var s = new AmqpSubscriber();
            s.connection = await new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();
            s.channel = await s.connection.CreateChannelAsync();
            await s.channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true);
            var queue = (await s.channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
            await s.channel.QueueBindAsync(queue, Exchange, "");
            var consumer = new AsyncEventingBasicConsumer(s.channel);
            consumer.ReceivedAsync += (_, delivery) =>
            {
                var at = Stopwatch.GetTimestamp();
                using var json = JsonDocument.Parse(delivery.Body);
                arrived[json.RootElement.GetProperty("decisionId").GetString()!] = at;
                return Task.CompletedTask;
            };
            await s.channel.BasicConsumeAsync(queue, autoAck: true, consumer);
            return s;
        }

        public async ValueTask DisposeAsync()
        {
            if (channel is not null) await channel.CloseAsync();
            if (connection is not null) await connection.CloseAsync();
        }
    }
}
