using Dapper;
using Google.Protobuf.WellKnownTypes;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Publicity.Decisions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Tests.Decisions;

/// <summary>
/// The keyword search through the trigram index (migration 0016) answers exactly what the LIKE search answers — same
/// decisions, same order, same pages and cursors — for keywords of every length, punctuation, quotes, LIKE's own
/// wildcards, FTS5 operators, letters in both cases and Chinese; also after new versions and withdrawals rewrote the
/// public text (the index follows every write of <c>public_decisions</c>), and for decisions published before the
/// migration. The store on its own SQLite file, without the service.
/// </summary>
public sealed class DecisionTextSearchTests : IAsyncLifetime
{
    static readonly DateOnly Today = new(2026, 11, 27);
    static readonly string[] Agencies = [CreditCodes.New(), CreditCodes.New(), CreditCodes.New()];

    /// <summary>Pieces the public texts are made of, and keywords are cut from.</summary>
    static readonly string[] Pieces =
    [
        "销售超过保质期的食品", "龙市监罚〔2026〕123号", "龙市监罚〔2025〕12号", "货值100%以上", "折扣50_off", @"路径a\b\c", "\"引号\"内容",
        "'单引号'", "ABC公司", "abc商店", "Abc有限", "ÉCOLE学校", "école分校", "ＡＢＣ全角", "😀表情店", "第一百二十四条", "罚款人民币伍仟元",
        "NEAR(食品 安全)", "search_text:违法", "A AND B", "星号*号", "^开头", "张*", "保质", "质期", "期的", "％全角百分号", "下划线_", "换行\n之后",
    ];

    static readonly string[] Keywords =
    [
        // 1–2 characters: LIKE alone.
        "保", "质期", "期的", "AB", "ab", "%", "_", @"\", "\"", "'", "😀表", "*", "号",
        // 3 and more: the index, then LIKE on its hits.
        "保质期", "超过保质期的食品", "龙市监罚〔2026〕123号", "龙市监罚〔2025〕12号", "〔2026〕", "123号", "23号", "100%", "0%以", "50_o", "_off",
        @"a\b", @"\b\c", "\"引号\"", "引号\"", "\"\"", "'单引号'", "abc", "ABC", "aBc公", "école", "ÉCOLE", "École", "ＡＢＣ", "ａｂｃ", "😀表情",
        "NEAR(食品", "search_text:违法", "A AND B", "AND", "星号*", "*号", "^开头", "张*", "质期的", "第一百二十四条", "伍仟元", "无此内容的关键词",
        "换行\n之", "%全角", "％全角", "下划线_", "ab%", "a_c", "市监罚",
    ];

    readonly string path = Path.Combine(Path.GetTempPath(), $"longshan-text-search-{Guid.NewGuid():N}.db");
    readonly PublicDecisionStore store = new(new DisplayPeriodOptions());
    readonly List<V1.PublicDecision> published = [];
    Database database = null!;

    public async Task InitializeAsync()
    {
        DapperTypeHandlers.Register();
        database = new Database(new DatabaseOptions { ConnectionString = $"Data Source={path}" });
        await MigrateAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
        return Task.CompletedTask;
    }

    async Task MigrateAsync()
    {
        var migrator = new Migrator(database, NullLogger<Migrator>.Instance);
        await migrator.ApplyAsync("platform", typeof(Database).Assembly, TimeProvider.System);
        await migrator.ApplyAsync("publicity", typeof(PublicDecisionStore).Assembly, TimeProvider.System);
    }

    [Fact]
    public async Task The_index_answers_what_the_like_search_answers_for_every_keyword_filter_and_page()
    {
        await PublishAsync(240, seed: 12);

        var withHits = await CompareEverySearchAsync();

        Assert.True(withHits >= 40, $"only {withHits} keywords found anything: the comparison would prove little");
        Assert.Equal(published.Count, await ScalarAsync("SELECT COUNT(*) FROM public_decision_text_keys"));
    }

    [Fact]
    public async Task New_versions_and_withdrawals_rewrite_the_index_and_the_answers_stay_the_same()
    {
        await PublishAsync(120, seed: 34);
        await using (var session = await database.WriteAsync(default))
        {
            for (var i = 0; i < published.Count; i += 3)
            {
                var decision = published[i];
                if (i % 2 == 0)
                {
                    decision.Facts = $"更正后的事实{i}：ＡＢＣ全角，罚款人民币壹万元";
                    decision.Version++;
                    await store.AddVersionAsync(session, decision, PartyKindOf(decision), "更正");
                }
                else
                {
                    published[i] = PublicVersions.Withdrawn(decision, new V1.PublicWithdrawal { Reason = $"撤回原因{i}：证据不足\"复查\"" });
                    await store.ReplaceAsync(session, published[i], PartyKindOf(decision));
                }
            }
            await session.CommitAsync();
        }

        await CompareEverySearchAsync();
        Assert.Equal(1, await MatchesAsync("\"更正后的事实0：\""));
        Assert.Equal(1, await MatchesAsync("\"撤回原因3：\""));
        Assert.Equal(1, await MatchesAsync($"\"{published[3].CaseNumber}\"")); // the notice keeps the case number
        Assert.Equal(0, await MatchesAsync($"\"{Facts(0)}\"")); // the first version's facts are gone from the index
    }

    [Fact]
    public async Task Decisions_published_before_the_migration_are_indexed_by_it()
    {
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.ExecuteAsync(
                """
                DROP TRIGGER public_decision_text_on_insert; DROP TRIGGER public_decision_text_on_update; DROP TRIGGER public_decision_text_on_delete;
                DROP TABLE public_decision_text; DROP TABLE public_decision_text_keys;
                DELETE FROM schema_versions WHERE module = 'publicity' AND version = 16;
                """);
        }
        await PublishAsync(60, seed: 56);
        SqliteConnection.ClearAllPools();

        await MigrateAsync();

        Assert.Equal(published.Count, await ScalarAsync("SELECT COUNT(*) FROM public_decision_text_keys"));
        Assert.Equal(1, await MatchesAsync($"\"{published[7].CaseNumber}\""));
        await CompareEverySearchAsync();
    }

    /// <summary>Every keyword with each filter, page by page in pages of 7 and of 50; returns how many keywords found something.</summary>
    async Task<int> CompareEverySearchAsync()
    {
        var withHits = 0;
        foreach (var keyword in Keywords)
        {
            var found = 0;
            foreach (var filter in Filters(keyword))
                foreach (var pageSize in new[] { 7, 50 })
                    found += await CompareAsync(filter with { PageSize = pageSize });
            if (found > 0) withHits++;
        }
        return withHits;
    }

    static IEnumerable<DecisionSearch> Filters(string keyword)
    {
        yield return new DecisionSearch { Keyword = keyword };
        yield return new DecisionSearch { Keyword = keyword, AgencyCode = Agencies[1] };
        yield return new DecisionSearch { Keyword = keyword, Category = DecisionNames.Category(V1.DecisionCategory.Penalty) };
        yield return new DecisionSearch { Keyword = keyword, AgencyCode = Agencies[2], Category = DecisionNames.Category(V1.DecisionCategory.Permit) };
        yield return new DecisionSearch { Keyword = keyword, DecidedFrom = Today.AddDays(-200), DecidedTo = Today.AddDays(-100) };
    }

    /// <summary>Follows every page with and without the index; returns the number of decisions found.</summary>
    async Task<int> CompareAsync(DecisionSearch search)
    {
        var total = 0;
        for (var page = 1; ; page++)
        {
            await using var session = await database.ReadAsync(default);
            var indexed = await store.SearchPublicAsync(session, search, Today);
            var scanned = await store.SearchPublicAsync(session, search, Today, textIndex: false);
            var what = $"keyword «{search.Keyword}» agency {search.AgencyCode} category {search.Category} page {page} of {search.PageSize}";
            Assert.True(scanned.Decisions.Select(d => d.DecisionId).SequenceEqual(indexed.Decisions.Select(d => d.DecisionId)), what);
            Assert.Equal(scanned.Next, indexed.Next);
            Assert.Equal(scanned.Decisions, indexed.Decisions);
            total += indexed.Decisions.Count;
            if (indexed.Next is null) return total;
            search = search with { After = indexed.Next };
        }
    }

    /// <summary>Decisions whose texts are random runs of <see cref="Pieces"/>; some past their display period, several on one date.</summary>
    async Task PublishAsync(int count, int seed)
    {
        var random = new Random(seed);
        var now = DateTimeOffset.UtcNow;
        await using var session = await database.WriteAsync(default);
        for (var i = 0; i < count; i++)
        {
            var date = Today.AddDays(-random.Next(300));
            var natural = i % 2 == 0;
            var decision = new V1.PublicDecision
            {
                DecisionId = Guid.NewGuid().ToString(), AgencyCode = Agencies[i % Agencies.Length], AgencyName = $"龙山县第{i % Agencies.Length}执法局",
                CaseNumber = i % 5 == 0 ? Pick(random, Pieces[1], Pieces[2]) : $"龙市监罚〔2026〕{i}号",
                Category = i % 3 == 0 ? V1.DecisionCategory.Permit : V1.DecisionCategory.Penalty, DecisionDate = CountyTime.Format(date),
                Party = new V1.PublicParty { Kind = natural ? V1.PartyKind.NaturalPerson : V1.PartyKind.Organisation, Name = natural ? "张*" : Pick(random, Pieces) },
                Facts = Facts(i) + string.Concat(Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pick(random, Pieces))),
                LegalBasis = { new V1.LegalBasis { Law = "《中华人民共和国食品安全法》", Article = Pick(random, Pieces) } },
                Conclusion = Pick(random, Pieces), Version = 1,
                FirstPublishedAt = Timestamp.FromDateTimeOffset(now), VersionPublishedAt = Timestamp.FromDateTimeOffset(now),
            };
            // One in ten was published long ago: past its display period, found by neither search.
            var publishedOn = i % 10 == 9 ? Today.AddYears(-6) : date.AddDays(3);
            await store.InsertAsync(session, decision, PartyKindOf(decision), publishedOn, "");
            published.Add(decision);
        }
        await session.CommitAsync();
    }

    static string Facts(int i) => $"第{i}号事实：";

    static string Pick(Random random, params string[] from) => from[random.Next(from.Length)];

    static string PartyKindOf(V1.PublicDecision decision) => DecisionNames.PartyKind(decision.Party.Kind)!;

    async Task<long> MatchesAsync(string query) =>
        await ScalarAsync("SELECT COUNT(*) FROM public_decision_text WHERE public_decision_text MATCH @query", new { query });

    async Task<long> ScalarAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }
}
