using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Publicity.Decisions;
using Longshan.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static Longshan.Testing.Load.BenchmarkArgs;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Benchmarks;

/// <summary>
/// 执法决定公示 portal search (T4) over N published decisions (default 100,000) in the service's SQLite file: page
/// times of the server-rendered /decisions page for each query shape a citizen uses, one caller at a time over
/// HTTP/1.1 on loopback, against <c>/alive</c> (the same pipeline answering with no work) as the baseline.
/// Options: --decisions 100000 --requests 300.
/// </summary>
public static partial class PortalSearchBenchmark
{
    static readonly string[] Agencies = Enumerable.Range(1, 30).Select(i => AgencyCode(i)).ToArray();

    public static async Task RunAsync(string[] args)
    {
        var count = Option(args, "--decisions", 100_000);
        var requests = Option(args, "--requests", 300);
        var work = Directory.CreateTempSubdirectory("longshan-bench-portal-").FullName;
        await using var broker = new RabbitNode(Path.Combine(work, "broker"));
        await broker.StartAsync();
        var database = Path.Combine(work, "publicity.db");
        var seeding = Stopwatch.StartNew();
        await SeedAsync(database, count);
        Console.WriteLine($"portal-search: {count} published decisions seeded in {seeding.Elapsed.TotalSeconds:F1} s");

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
            ("date range", "/decisions?from=2026-03-01&to=2026-03-31"),
            ("common keyword", "/decisions?q=" + Uri.EscapeDataString("保质期")),
            ("agency + keyword", $"/decisions?agency={Agencies[5]}&q=" + Uri.EscapeDataString("批次7")),
            ("second page", secondPage),
            ("rare keyword (scan)", "/decisions?q=" + Uri.EscapeDataString("货值999元")),
            ("decision page", await FirstDecisionLinkAsync(http)),
        };

        var baseline = 0.0;
        Console.WriteLine($"{"query",-22} {"median ms",10} {"p99 ms",10} {"median/baseline",16}");
        foreach (var (name, path) in shapes)
        {
            var times = await MeasureAsync(http, path, requests);
            var median = Percentile(times, 0.50);
            if (baseline == 0) baseline = median;
            Console.WriteLine($"{name,-22} {median,10:F2} {Percentile(times, 0.99),10:F2} {median / baseline,16:F1}");
        }
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

    static async Task SeedAsync(string path, int count)
    {
        DapperTypeHandlers.Register();
        var database = new Database(new DatabaseOptions { ConnectionString = $"Data Source={path}" });
        var migrator = new Migrator(database, NullLogger<Migrator>.Instance);
        await migrator.ApplyAsync("platform", typeof(Database).Assembly, TimeProvider.System);
        await migrator.ApplyAsync("publicity", typeof(PublicDecisionStore).Assembly, TimeProvider.System);
        var store = new PublicDecisionStore(new DisplayPeriodOptions());
        var random = new Random(7);
        var now = DateTimeOffset.UtcNow;
        V1.DecisionCategory[] categories = [V1.DecisionCategory.Penalty, V1.DecisionCategory.Penalty, V1.DecisionCategory.Permit, V1.DecisionCategory.Inspection];
        await using var session = await database.WriteAsync(default);
        for (var i = 0; i < count; i++)
        {
            var date = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-random.Next(360));
            var decision = new V1.PublicDecision
            {
                DecisionId = Guid.NewGuid().ToString(), AgencyCode = Agencies[i % Agencies.Length], AgencyName = $"龙山县第{i % Agencies.Length}执法局",
                CaseNumber = $"龙罚〔2026〕{i}号", Category = categories[i % categories.Length], DecisionDate = CountyTime.Format(date),
                Party = new V1.PublicParty { Kind = i % 2 == 0 ? V1.PartyKind.NaturalPerson : V1.PartyKind.Organisation, Name = "张*" },
                Facts = $"当事人于{date:yyyy年M月d日}在经营场所销售超过保质期的食品{i % 97}批次，货值{i % 1000}元。",
                LegalBasis = { new V1.LegalBasis { Law = "《中华人民共和国食品安全法》", Article = "第一百二十四条" } },
                Penalties = { new V1.Penalty { Kind = V1.PenaltyKind.Fine, AmountFen = 500_000 } },
                Conclusion = "罚款人民币伍仟元", Version = 1,
                FirstPublishedAt = Timestamp.FromDateTimeOffset(now), VersionPublishedAt = Timestamp.FromDateTimeOffset(now),
            };
            await store.InsertAsync(session, decision, DecisionNames.PartyKind(decision.Party.Kind)!, date.AddDays(3), "");
        }
        await session.CommitAsync();
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
