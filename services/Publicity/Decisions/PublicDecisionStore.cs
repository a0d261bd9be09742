using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// The public side of decisions: <c>public_decisions</c> (what the search filters on: agency, category, dates, public
/// text), <c>public_decision_bodies</c> (the current redacted view) and <c>public_decision_versions</c> (every published
/// version). Bodies are the <see cref="V1.PublicDecision"/> JSON.
/// Every public read applies the display period (<see cref="DisplayPeriod"/>).
/// </summary>
public sealed class PublicDecisionStore(DisplayPeriodOptions displayPeriod)
{
    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO public_decisions (decision_id, agency_code, category, decision_date, party_kind, published_on, withdrawn, version, search_text)
        VALUES (@decisionId, @agencyCode, @category, @decisionDate, @partyKind, @publishedOn, @withdrawn, @version, @searchText);
        INSERT INTO public_decision_bodies (decision_id, body) VALUES (@decisionId, @body);
        """);

    static readonly SqlStatement Replace = SqlStatement.Portable(
        """
        UPDATE public_decisions SET party_kind = @partyKind, withdrawn = @withdrawn, version = @version, search_text = @searchText
        WHERE decision_id = @decisionId;
        UPDATE public_decision_bodies SET body = @body WHERE decision_id = @decisionId;
        """);

    static readonly SqlStatement InsertVersion = SqlStatement.Portable(
        """
        INSERT INTO public_decision_versions (decision_id, version, published_at, change_note, body)
        VALUES (@decisionId, @version, @publishedAt, @changeNote, @body)
        """);

    static readonly SqlStatement SelectOne = SqlStatement.Portable(
        """
        SELECT p.party_kind AS PartyKind, p.published_on AS PublishedOn, b.body AS Body
        FROM public_decisions p JOIN public_decision_bodies b ON b.decision_id = p.decision_id
        WHERE p.decision_id = @decisionId
        """);

    static readonly SqlStatement SelectVersions = SqlStatement.Portable(
        """
        SELECT version AS Version, published_at AS PublishedAt, change_note AS ChangeNote, body AS Body
        FROM public_decision_versions WHERE decision_id = @decisionId ORDER BY version
        """);

    // One statement per index: by agency (agency_code, decision_date, decision_id), by category (category, …) and over
    // all (the table's own order, decision_date, decision_id). The date range and the cursor bound the index range; the
    // keyword (LIKE over the public text) and the display period are checked on the rows the index delivers, newest
    // first, and only the page's rows fetch their bodies. Without a keyword, with a common one (the first rows of the
    // index range match) or with a keyword of 1–2 characters (no trigram to look up), this is the search.
    static readonly SqlStatement SearchByAgency = Search("p.agency_code = @agencyCode AND (@category IS NULL OR p.category = @category)");
    static readonly SqlStatement SearchByCategory = Search("p.category = @category");
    static readonly SqlStatement SearchAll = Search("1 = 1");

    /// <summary>What a public decision must satisfy besides its agency and category, in both dialects and both plans.</summary>
    const string Conditions =
        """
        p.decision_date BETWEEN @from AND @to
          AND ((p.party_kind = @naturalPerson AND p.published_on > @naturalPersonCutoff) OR (p.party_kind <> @naturalPerson AND p.published_on > @cutoff))
          AND p.search_text LIKE @pattern ESCAPE '\'
        """;

    static SqlStatement Search(string filter) => new(
        $"""
        SELECT p.decision_id AS DecisionId, p.decision_date AS DecisionDate, b.body AS Body
        FROM public_decisions p JOIN public_decision_bodies b ON b.decision_id = p.decision_id
        WHERE {filter}
          AND (p.decision_date, p.decision_id) < (@afterDate, @afterId)
          AND {Conditions}
        ORDER BY p.decision_date DESC, p.decision_id DESC
        LIMIT @take
        """,
        $"""
        SELECT TOP (@take) p.decision_id AS DecisionId, p.decision_date AS DecisionDate, b.body AS Body
        FROM dbo.public_decisions p JOIN dbo.public_decision_bodies b ON b.decision_id = p.decision_id
        WHERE {filter}
          AND (p.decision_date < @afterDate OR (p.decision_date = @afterDate AND p.decision_id < @afterId))
          AND {Conditions}
        ORDER BY p.decision_date DESC, p.decision_id DESC
        """);

    // SQLite only (migration 0016): a keyword of 3+ characters first asks the trigram index which decisions contain
    // it, at most MaxTextHits of them. When there are fewer, the page is cut from those rows alone (each checked with
    // the same LIKE and conditions as above, so the answer is the LIKE search's); a rare keyword then costs its own
    // hits, not a scan of every decision. When there are more, the keyword is common and the ordered scan above
    // finds a page within its first rows. SQL Server keeps the LIKE search: its full-text index needs a catalog
    // outside migrations and does not find every substring (migration 0016 there says so).
    static readonly SqlStatement TextHits = new(
        "SELECT rowid FROM public_decision_text WHERE public_decision_text MATCH @textQuery LIMIT @limit", "");

    static readonly SqlStatement SearchTextHits = new(
        $"""
        SELECT page.decision_id AS DecisionId, page.decision_date AS DecisionDate, b.body AS Body
        FROM (SELECT p.decision_id, p.decision_date
              FROM json_each(@hits) h
              CROSS JOIN public_decision_text_keys k ON k.text_id = h.value
              CROSS JOIN public_decisions p ON p.decision_date = k.decision_date AND p.decision_id = k.decision_id
              WHERE (@agencyCode IS NULL OR p.agency_code = @agencyCode) AND (@category IS NULL OR p.category = @category)
                AND (p.decision_date, p.decision_id) < (@afterDate, @afterId)
                AND {Conditions}
              ORDER BY p.decision_date DESC, p.decision_id DESC
              LIMIT @take) page
        JOIN public_decision_bodies b ON b.decision_id = page.decision_id
        ORDER BY page.decision_date DESC, page.decision_id DESC
        """,
        "");

    /// <summary>More index hits than this: the keyword is common, the ordered scan finds its page sooner.</summary>
    const int MaxTextHits = 4000;

    static readonly Guid LastId = Guid.Parse("ffffffff-ffff-ffff-ffff-ffffffffffff");

    // Rows with dates and ids are classes: Dapper applies the platform's type handlers to properties.
    sealed class OneRow { public string PartyKind { get; set; } = ""; public DateOnly PublishedOn { get; set; } public string Body { get; set; } = ""; }

    sealed class VersionRow { public int Version { get; set; } public DateTimeOffset PublishedAt { get; set; } public string ChangeNote { get; set; } = ""; public string Body { get; set; } = ""; }

    sealed class SearchRow { public Guid DecisionId { get; set; } public DateOnly DecisionDate { get; set; } public string Body { get; set; } = ""; }

    /// <summary>Makes a decision public (its first version).</summary>
    public async Task InsertAsync(DbSession session, V1.PublicDecision decision, string partyKind, DateOnly publishedOn, string changeNote)
    {
        await session.ExecuteAsync(Insert, new
        {
            decisionId = Guid.Parse(decision.DecisionId),
            agencyCode = decision.AgencyCode,
            category = DecisionNames.Category(decision.Category),
            decisionDate = CountyTime.ParseDate(decision.DecisionDate)!.Value,
            partyKind,
            publishedOn,
            withdrawn = false,
            version = decision.Version,
            body = JsonFormatter.Default.Format(decision),
            searchText = PublicVersions.SearchText(decision),
        });
        await AddVersionAsync(session, decision, changeNote);
    }

    /// <summary>A new public version replaces the current one; the history keeps every version.</summary>
    public async Task AddVersionAsync(DbSession session, V1.PublicDecision decision, string partyKind, string changeNote)
    {
        await ReplaceAsync(session, decision, partyKind);
        await AddVersionAsync(session, decision, changeNote);
    }

    /// <summary>Replaces the current public view without a new version (the withdrawal notice).</summary>
    public Task ReplaceAsync(DbSession session, V1.PublicDecision decision, string partyKind) =>
        session.ExecuteAsync(Replace, new
        {
            decisionId = Guid.Parse(decision.DecisionId),
            partyKind,
            withdrawn = decision.Withdrawn,
            version = decision.Version,
            body = JsonFormatter.Default.Format(decision),
            searchText = PublicVersions.SearchText(decision),
        });

    /// <summary>Public: the current public view, or null when never published or past its display period.</summary>
    public async Task<V1.PublicDecision?> FindPublicAsync(DbSession session, Guid decisionId, DateOnly today)
    {
        var row = await session.SingleOrDefaultAsync<OneRow>(SelectOne, new { decisionId });
        if (row is null || !DisplayPeriod.IsDisplayed(row.PartyKind, row.PublishedOn, today, displayPeriod)) return null;
        return JsonParser.Default.Parse<V1.PublicDecision>(row.Body);
    }

    /// <summary>For the deciding agency's writes: the current public view whatever its display period; null when never published.</summary>
    public async Task<V1.PublicDecision?> CurrentAsync(DbSession session, Guid decisionId)
    {
        var row = await session.SingleOrDefaultAsync<OneRow>(SelectOne, new { decisionId });
        return row is null ? null : JsonParser.Default.Parse<V1.PublicDecision>(row.Body);
    }

    /// <summary>Every public version, oldest first; contents are left out once the decision is withdrawn.</summary>
    public async Task<IReadOnlyList<V1.PublicDecisionVersion>> HistoryAsync(DbSession session, Guid decisionId, bool withdrawn)
    {
        var rows = await session.QueryAsync<VersionRow>(SelectVersions, new { decisionId });
        return rows.Select(r => new V1.PublicDecisionVersion
        {
            Version = r.Version,
            PublishedAt = Timestamp.FromDateTimeOffset(r.PublishedAt),
            ChangeNote = r.ChangeNote,
            Content = withdrawn ? null : JsonParser.Default.Parse<V1.PublicDecision>(r.Body),
        }).ToList();
    }

    /// <summary>The public search (gRPC and portal). <paramref name="today"/> is the county date for the display period.</summary>
    /// <param name="textIndex">False: the LIKE scan alone, never the trigram index — the reference the index must
    /// agree with (tests) and the baseline it is measured against (benchmark).</param>
    public async Task<DecisionSearchPage> SearchPublicAsync(DbSession session, DecisionSearch search, DateOnly today, bool textIndex = true)
    {
        var pageSize = Math.Clamp(search.PageSize, 1, Paging.MaxSize);
        object Arguments(string hits) => new
        {
            agencyCode = search.AgencyCode,
            category = search.Category,
            from = search.DecidedFrom ?? DateOnly.MinValue,
            to = search.DecidedTo ?? DateOnly.MaxValue,
            afterDate = search.After?.DecisionDate ?? DateOnly.MaxValue,
            afterId = search.After?.DecisionId ?? LastId,
            naturalPerson = DecisionNames.NaturalPerson,
            naturalPersonCutoff = DisplayPeriod.Cutoff(DecisionNames.NaturalPerson, today, displayPeriod),
            cutoff = DisplayPeriod.Cutoff(DecisionNames.Organisation, today, displayPeriod),
            pattern = search.LikePattern(),
            take = pageSize + 1,
            hits,
        };
        var hits = textIndex && session.Dialect == SqlDialect.Sqlite && search.TextQuery() is { } textQuery
            ? await session.ListAsync<long>(TextHits, new { textQuery, limit = MaxTextHits + 1 })
            : null;
        IReadOnlyList<SearchRow> rows;
        if (hits is { Count: <= MaxTextHits })
            rows = await session.ListAsync<SearchRow>(SearchTextHits, Arguments(JsonSerializer.Serialize(hits)));
        else
        {
            var statement = search.AgencyCode is not null ? SearchByAgency : search.Category is not null ? SearchByCategory : SearchAll;
            rows = await session.ListAsync<SearchRow>(statement, Arguments("[]"));
        }

        var page = rows.Take(pageSize).ToList();
        var next = rows.Count > pageSize ? new DecisionSearchCursor(page[^1].DecisionDate, page[^1].DecisionId) : null;
        return new DecisionSearchPage(page.Select(r => JsonParser.Default.Parse<V1.PublicDecision>(r.Body)).ToList(), next);
    }

    Task AddVersionAsync(DbSession session, V1.PublicDecision decision, string changeNote) =>
        session.ExecuteAsync(InsertVersion, new
        {
            decisionId = Guid.Parse(decision.DecisionId),
            version = decision.Version,
            publishedAt = decision.VersionPublishedAt.ToDateTimeOffset(),
            changeNote,
            body = JsonFormatter.Default.Format(decision),
        });
}
