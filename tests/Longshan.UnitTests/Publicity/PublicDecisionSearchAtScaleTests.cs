using System.Diagnostics;
using System.Reflection;
using Dapper;
using Google.Protobuf.WellKnownTypes;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Publicity.Decisions;
using Longshan.UnitTests.Platform;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.UnitTests.Publicity;

/// <summary>
/// The public search over 100,000 published decisions in a real SQLite file: each query shape runs on its index
/// (no full scan, no sort), and pages come back fast.
/// </summary>
public sealed class PublicDecisionSearchAtScaleTests(ITestOutputHelper output, PublicDecisionSearchAtScaleTests.Seeded data)
    : IClassFixture<PublicDecisionSearchAtScaleTests.Seeded>
{
    public sealed class Seeded : IDisposable
    {
        public const int Count = 100_000;
        public static readonly string[] Agencies = Enumerable.Range(0, 30).Select(i => $"1143313000000{i:D4}X").ToArray();
        static readonly V1.DecisionCategory[] Categories = [V1.DecisionCategory.Penalty, V1.DecisionCategory.Penalty, V1.DecisionCategory.Permit, V1.DecisionCategory.Inspection];

        public TestDatabase Db { get; } = new(typeof(PublicDecisionStore).Assembly);

        public PublicDecisionStore Store { get; }

        public async Task<DecisionSearchPage> SearchAsync(DecisionSearch search, DateOnly today)
        {
            await using var session = await Db.Database.ReadAsync(default);
            return await Store.SearchPublicAsync(session, search, today);
        }

        public Seeded()
        {
            Store = new PublicDecisionStore(new DisplayPeriodOptions());
            SeedAsync().GetAwaiter().GetResult();
        }

        async Task SeedAsync()
        {
            var random = new Random(7);
            var now = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);
            await using var session = await Db.Database.WriteAsync(default);
            for (var i = 0; i < Count; i++)
            {
                var date = new DateOnly(2025, 12, 1).AddDays(random.Next(360));
                var decision = new V1.PublicDecision
                {
                    DecisionId = Guid.NewGuid().ToString(),
                    AgencyCode = Agencies[i % Agencies.Length],
                    AgencyName = "龙山县某局",
                    CaseNumber = $"龙罚〔2026〕{i}号",
                    Category = Categories[i % Categories.Length],
                    DecisionDate = CountyTime.Format(date),
                    Party = new V1.PublicParty { Kind = i % 2 == 0 ? V1.PartyKind.NaturalPerson : V1.PartyKind.Organisation, Name = "张*" },
                    Facts = $"当事人于{date:yyyy年M月d日}在经营场所销售超过保质期的食品{i % 97}批次，货值{i % 1000}元。",
                    LegalBasis = { new V1.LegalBasis { Law = "《中华人民共和国食品安全法》", Article = "第一百二十四条" } },
                    Conclusion = "罚款人民币伍仟元",
                    Version = 1,
                    FirstPublishedAt = Timestamp.FromDateTimeOffset(now),
                    VersionPublishedAt = Timestamp.FromDateTimeOffset(now),
                };
                await Store.InsertAsync(session, decision, DecisionNames.PartyKind(decision.Party.Kind)!, date.AddDays(3), "");
            }

            await session.CommitAsync();
        }

        public void Dispose() => Db.Dispose();
    }

    static readonly DateOnly Today = new(2026, 11, 27);

    public static TheoryData<string, string> Shapes => new()
    {
        { "SearchByAgency", "ix_public_decisions_agency" },
        { "SearchByCategory", "ix_public_decisions_category" },
        { "SearchAll", "USING PRIMARY KEY" }, // the table is clustered on (decision_date, decision_id)
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Each_search_shape_reads_its_index_in_order(string field, string index)
    {
        var sql = ((SqlStatement)typeof(PublicDecisionStore).GetField(field, BindingFlags.Static | BindingFlags.NonPublic)!.GetValue(null)!).Sqlite;
        using var connection = new SqliteConnection($"Data Source={data.Db.Path}");
        connection.Open();

        var plan = string.Join(" | ", connection.Query("EXPLAIN QUERY PLAN " + sql, Parameters()).Select(row => (string)row.detail));

        output.WriteLine(plan);
        Assert.Contains(index, plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_of_100000_published_decisions_come_back_fast_and_complete()
    {
        var searches = new DecisionSearch[]
        {
            new(),
            new() { AgencyCode = Seeded.Agencies[3] },
            new() { Category = "permit", DecidedFrom = new DateOnly(2026, 3, 1), DecidedTo = new DateOnly(2026, 3, 31) },
            new() { AgencyCode = Seeded.Agencies[5], Category = "penalty", Keyword = "保质期" },
            new() { Keyword = "批次，货值999元" },
        };
        await data.SearchAsync(new DecisionSearch(), Today); // warm-up (JIT, page cache)
        var times = new List<double>();
        foreach (var search in searches)
        {
            var own = new List<double>();
            for (var round = 0; round < 20; round++)
            {
                var watch = Stopwatch.StartNew();
                var page = await data.SearchAsync(search, Today);
                own.Add(watch.Elapsed.TotalMilliseconds);
                Assert.NotEmpty(page.Decisions);
            }

            own.Sort();
            output.WriteLine($"{search with { After = null }}: median {own[own.Count / 2]:F1} ms, max {own[^1]:F1} ms");
            times.AddRange(own);
        }

        var miss = Stopwatch.StartNew();
        var none = await data.SearchAsync(new DecisionSearch { Keyword = "无此关键词" }, Today);
        output.WriteLine($"keyword matching nothing (reads all {Seeded.Count}): {miss.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Empty(none.Decisions);

        times.Sort();
        output.WriteLine($"page of 20 over {Seeded.Count} decisions: median {times[times.Count / 2]:F1} ms, p99 {times[(int)(times.Count * 0.99)]:F1} ms, max {times[^1]:F1} ms");
        Assert.True(times[times.Count / 2] < 100, $"median {times[times.Count / 2]} ms");

        // Walking one agency's pages yields each of its decisions once, newest first.
        var all = new List<V1.PublicDecision>();
        DecisionSearchCursor? after = null;
        do
        {
            var page = await data.SearchAsync(new DecisionSearch { AgencyCode = Seeded.Agencies[7], PageSize = 100, After = after }, Today);
            all.AddRange(page.Decisions);
            after = page.Next;
        }
        while (after is not null);
        Assert.Equal(Enumerable.Range(0, Seeded.Count).Count(i => i % Seeded.Agencies.Length == 7), all.Select(d => d.DecisionId).Distinct().Count());
        Assert.Equal(all.Select(d => d.DecisionDate).OrderDescending(StringComparer.Ordinal), all.Select(d => d.DecisionDate));
    }

    static object Parameters() => new
    {
        agencyCode = Seeded.Agencies[0],
        category = "penalty",
        from = "0001-01-01",
        to = "9999-12-31",
        afterDate = "9999-12-31",
        afterId = "ffffffff-ffff-ffff-ffff-ffffffffffff",
        naturalPerson = DecisionNames.NaturalPerson,
        naturalPersonCutoff = "2024-11-27",
        cutoff = "2021-11-27",
        pattern = "%",
        take = 21,
    };
}
