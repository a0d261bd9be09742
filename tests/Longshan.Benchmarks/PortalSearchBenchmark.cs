using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Publicity.Decisions;
using Longshan.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using static Longshan.Testing.Load.BenchmarkArgs;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Benchmarks;

/// <summary>
/// 执法决定公示 search (T4, issue 12) over N published decisions (default 1,000,000) in the service's SQLite file,
/// bulk-inserted straight into the tables (the triggers of migration 0016 fill the trigram index as publication does).
/// First the store's search in-process for each keyword shape, with the trigram index and with the LIKE scan alone
/// (the baseline) in the same run, median and p99; then page times of the server-rendered /decisions page, one caller
/// at a time over HTTP/1.1 on loopback, against <c>/alive</c> (the same pipeline answering with no work).
/// Options: --decisions 1000000 --searches 30 (per shape and plan) --requests 100 (per portal shape).
/// </summary>
public static partial class PortalSearchBenchmark
{
    static readonly string[] Agencies = Enumerable.Range(1, 30).Select(i => AgencyCode(i)).ToArray();

    /// <summary>Keyword shapes: what the seeded texts make common or rare (see <see cref="SeedAsync"/>).</summary>
    static readonly (string Name, string? Keyword)[] KeywordShapes =
    [
        ("no keyword", null),
        ("common 3+ (every row)", "保质期"),
        ("mid 3+ (1 in 97)", "食品7批次"),
        ("rare 3+ (1 in 1000)", "货值999元"),
        ("case number (1 row)", "龙市监罚〔2026〕123456号"),
        ("2-char common", "食品"),
        ("2-char rare (1 in 10000)", "鹿茸"),
    ];

    public static async Task RunAsync(string[] args)
    {
        var count = Option(args, "--decisions", 1_000_000);
        var searches = Option(args, "--searches", 30);
        var requests = Option(args, "--requests", 100);
        var work = Directory.CreateTempSubdirectory("longshan-bench-portal-").FullName;
        await using var broker = new RabbitNode(Path.Combine(work, "broker"));
        await broker.StartAsync();
        var database = Path.Combine(work, "publicity.db");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(database, count);
        Console.WriteLine($"portal-search: {count} published decisions seeded in {seeding.Elapsed.TotalSeconds:F1} s ({new FileInfo(database).Length / 1_048_576} MiB)");
        await MeasureStoreAsync(database, searches);

        await using var app = new PublicityOnKestrel(database, broker.ConnectionString);
        app.StartServer();
        using var http = new HttpClient { BaseAddress = new Uri(app.HttpAddress) };

        var secondPage = NextLink(await http.GetStringAsync("/decisions?q=" + Uri.EscapeDataString("保质期")));
        var shapes = new (string Name, string Path)[]
        {
            ("baseline /alive", "/alive"),
            ("newest decisions", "/decisions"),
            ("one agency", $"/decisions?agency={Agencies[3]}"),
            ("one category", "/decisions?category=6"),
            ("date range", $"/decisions?from={CountyTime.Format(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-40))}&to={CountyTime.Format(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-10))}"),
            ("common keyword", "/decisions?q=" + Uri.EscapeDataString("保质期")),
            ("agency + keyword", $"/decisions?agency={Agencies[5]}&q=" + Uri.EscapeDataString("批次7")),
            ("second page", secondPage),
            ("rare keyword", "/decisions?q=" + Uri.EscapeDataString("货值999元")),
            ("case number", "/decisions?q=" + Uri.EscapeDataString("龙市监罚〔2026〕123456号")),
            ("decision page", await FirstDecisionLinkAsync(http)),
        };

        var baseline = 0.0;
        Console.WriteLine($"portal page, {requests} requests each");
        Console.WriteLine($"{"query",-22} {"median ms",10} {"p99 ms",10} {"median/baseline",16}");
        foreach (var (name, path) in shapes)
        {
            var times = await MeasureAsync(http, path, requests);
            var median = Percentile(times, 0.50);
            if (baseline == 0) baseline = median;
            Console.WriteLine($"{name,-22} {median,10:F2} {Percentile(times, 0.99),10:F2} {median / baseline,16:F1}");
        }
    }

    /// <summary>The store's search in-process, per keyword shape: trigram index (the service's plan) against the LIKE scan alone.</summary>
    static async Task MeasureStoreAsync(string path, int searches)
    {
        var database = new Database(new DatabaseOptions { ConnectionString = $"Data Source={path}" });
        var store = new PublicDecisionStore(new DisplayPeriodOptions());
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Console.WriteLine($"store search, first page of {Paging.DefaultSize}, {searches} searches per shape and plan (median / p99 ms)");
        Console.WriteLine($"{"shape",-26} {"found",6} {"index med",10} {"index p99",10} {"LIKE med",10} {"LIKE p99",10} {"LIKE/index",11}");
        foreach (var (name, keyword) in KeywordShapes)
        {
            var search = new DecisionSearch { Keyword = keyword };
            var found = 0;
            async Task<List<double>> TimeAsync(bool textIndex)
            {
                var times = new List<double>(searches);
                for (var i = 0; i < searches + 2; i++)
                {
                    var clock = Stopwatch.StartNew();
                    await using var session = await database.ReadAsync(default);
                    found = (await store.SearchPublicAsync(session, search, today, textIndex)).Decisions.Count;
                    if (i >= 2) times.Add(clock.Elapsed.TotalMilliseconds); // two warm-up searches
                }
                return times;
            }
            var indexed = await TimeAsync(textIndex: true);
            var scanned = await TimeAsync(textIndex: false);
            Console.WriteLine($"{name,-26} {found,6} {Percentile(indexed, 0.5),10:F2} {Percentile(indexed, 0.99),10:F2} {Percentile(scanned, 0.5),10:F2} {Percentile(scanned, 0.99),10:F2} {Percentile(scanned, 0.5) / Percentile(indexed, 0.5),11:F1}");
        }
        SqliteConnection.ClearAllPools();
    }

    static async Task<List<double>> MeasureAsync(HttpClient http, string path, int requests)
    {
        for (var i = 0; i < 20; i++) (await http.GetAsync(path)).EnsureSuccessStatusCode();
        var times = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            clock.Stop();
            response.EnsureSuccessStatusCode();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    /// <summary>
    /// Migrates, then inserts the public rows directly (prepared statements, one transaction; the index triggers run).
    /// Texts: every row has 保质期 and 食品; 1 in 97 has 食品7批次, 1 in 1000 货值999元, 1 in 10000 鹿茸; case numbers are
    /// 龙市监罚〔2026〕{i}号, so 123456 is one row whose trigrams are all common. Bodies are short public views.
    /// </summary>
    static async Task SeedAsync(string path, int count)
    {
        DapperTypeHandlers.Register();
        var database = new Database(new DatabaseOptions { ConnectionString = $"Data Source={path}" });
        var migrator = new Migrator(database, NullLogger<Migrator>.Instance);
        await migrator.ApplyAsync("platform", typeof(Database).Assembly, TimeProvider.System);
        await migrator.ApplyAsync("publicity", typeof(PublicDecisionStore).Assembly, TimeProvider.System);

        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var rows = Prepared(connection, transaction,
            """
            INSERT INTO public_decisions (decision_id, agency_code, category, decision_date, party_kind, published_on, withdrawn, version, search_text)
            VALUES ($id, $agency, $category, $date, $party, $published, 0, 1, $text)
            """, "$id", "$agency", "$category", "$date", "$party", "$published", "$text");
        var bodies = Prepared(connection, transaction, "INSERT INTO public_decision_bodies (decision_id, body) VALUES ($id, $body)", "$id", "$body");
        var random = new Random(7);
        var now = DateTimeOffset.UtcNow;
        V1.DecisionCategory[] categories = [V1.DecisionCategory.Penalty, V1.DecisionCategory.Penalty, V1.DecisionCategory.Permit, V1.DecisionCategory.Inspection];
        for (var i = 0; i < count; i++)
        {
            var date = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-random.Next(360));
            var decision = new V1.PublicDecision
            {
                DecisionId = Guid.NewGuid().ToString(), AgencyCode = Agencies[i % Agencies.Length], AgencyName = $"龙山县第{i % Agencies.Length}执法局",
                CaseNumber = $"龙市监罚〔2026〕{i}号", Category = categories[i % categories.Length], DecisionDate = CountyTime.Format(date),
                Party = new V1.PublicParty { Kind = i % 2 == 0 ? V1.PartyKind.NaturalPerson : V1.PartyKind.Organisation, Name = "张*" },
                Facts = $"当事人于{date:yyyy年M月d日}在经营场所销售超过保质期的食品{i % 97}批次，货值{i % 1000}元{(i % 10_000 == 0 ? "，含鹿茸" : "")}。",
                LegalBasis = { new V1.LegalBasis { Law = "《中华人民共和国食品安全法》", Article = "第一百二十四条" } },
                Conclusion = "罚款人民币伍仟元", Version = 1,
                FirstPublishedAt = Timestamp.FromDateTimeOffset(now), VersionPublishedAt = Timestamp.FromDateTimeOffset(now),
            };
            var id = decision.DecisionId;
            Run(rows, id, decision.AgencyCode, DecisionNames.Category(decision.Category)!, decision.DecisionDate, DecisionNames.PartyKind(decision.Party.Kind)!,
                CountyTime.Format(date.AddDays(3)), PublicVersions.SearchText(decision));
            // The portal renders the body: the public view without its long texts keeps the file small.
            decision.Facts = "";
            decision.LegalBasis.Clear();
            Run(bodies, id, JsonFormatter.Default.Format(decision));
        }
        await transaction.CommitAsync();
    }

    static SqliteCommand Prepared(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    static void Run(SqliteCommand command, params string[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    static string NextLink(string html) =>
        WebUtility.HtmlDecode(NextPagePattern().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("no next page"));

    static async Task<string> FirstDecisionLinkAsync(HttpClient http) =>
        DecisionLinkPattern().Match(await http.GetStringAsync("/decisions")).Value;

    [GeneratedRegex("id=\"next-page\" href=\"([^\"]+)\"")]
    private static partial Regex NextPagePattern();

    [GeneratedRegex("/decisions/[0-9a-f-]{36}")]
    private static partial Regex DecisionLinkPattern();

    static double Percentile(List<double> values, double p) => values.Order().ElementAt((int)Math.Min(values.Count - 1, Math.Ceiling(p * values.Count) - 1));

    static string AgencyCode(int i) => CreditCodes.WithCheck($"11433130{i:D9}");
}
