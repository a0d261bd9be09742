using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// A public search over published decisions — the one query the gRPC search and the HTML portal both run
/// (<see cref="PublicDecisionStore.SearchPublicAsync"/>). Results are newest decision date first, paged by a keyset
/// cursor; decisions past their display period are never returned.
/// </summary>
public sealed record DecisionSearch
{
    public const int MaxKeyword = 100;
    const string List = "decisions";

    /// <summary>Deciding agency's credit code.</summary>
    public string? AgencyCode { get; init; }

    /// <summary>Stable category name (<see cref="DecisionNames.Category"/>).</summary>
    public string? Category { get; init; }

    public DateOnly? DecidedFrom { get; init; }

    public DateOnly? DecidedTo { get; init; }

    /// <summary>Substring of the public text (case number, party as published, facts, legal basis, conclusion).</summary>
    public string? Keyword { get; init; }

    public int PageSize { get; init; } = Paging.DefaultSize;

    /// <summary>Start after this decision (from the previous page's <see cref="DecisionSearchPage.Next"/>).</summary>
    public DecisionSearchCursor? After { get; init; }

    /// <summary>Reads and checks a gRPC search request; every bad field is a violation.</summary>
    public static DecisionSearch FromRequest(V1.SearchPublicDecisionsRequest request, out FieldViolations violations)
    {
        violations = new FieldViolations().MaxLength("keyword", request.Keyword, MaxKeyword);
        string? agency = null;
        if (!string.IsNullOrWhiteSpace(request.AgencyCode))
        {
            agency = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
            if (UnifiedSocialCreditCode.Validate(agency) is { } error) violations.Add("agency_code", error);
        }

        string? category = null;
        if (request.Category != V1.DecisionCategory.Unspecified && (category = DecisionNames.Category(request.Category)) is null)
            violations.Add("category", "执法类别未知 / unknown category");
        var from = OptionalDate(violations, "decided_from", request.DecidedFrom);
        var to = OptionalDate(violations, "decided_to", request.DecidedTo);
        if (from > to) violations.Add("decided_to", "结束日期早于开始日期 / ends before it starts");
        var paging = Paging.Read(violations, List, request.PageSize, request.PageToken, key => DecisionSearchCursor.FromKey(key) is not null);

        return new DecisionSearch
        {
            AgencyCode = agency,
            Category = category,
            DecidedFrom = from,
            DecidedTo = to,
            Keyword = string.IsNullOrWhiteSpace(request.Keyword) ? null : request.Keyword.Trim(),
            PageSize = paging.Size,
            After = paging.After is { } key ? DecisionSearchCursor.FromKey(key) : null,
        };
    }

    /// <summary>The keyword as a LIKE pattern with <c>\</c> escaping <c>% _ \</c>; "%" when there is none.</summary>
    public string LikePattern() => Keyword is null
        ? "%"
        : "%" + Keyword.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";

    /// <summary>Keywords this long (in characters, not UTF-16 units) are looked up in the trigram index; shorter ones have no trigram.</summary>
    public const int IndexedKeyword = 3;

    /// <summary>
    /// The keyword as an FTS5 query for the trigram index (<c>public_decision_text</c>): one quoted string, its double
    /// quotes doubled, so every character is literal (no operators, no prefix). Null without a keyword or when it is
    /// shorter than <see cref="IndexedKeyword"/> characters (such a keyword is searched with LIKE alone).
    /// </summary>
    public string? TextQuery() => Keyword is { } keyword && keyword.EnumerateRunes().Count() >= IndexedKeyword
        ? "\"" + keyword.Replace("\"", "\"\"") + "\""
        : null;

    static DateOnly? OptionalDate(FieldViolations violations, string field, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var date = CountyTime.ParseDate(text);
        if (date is null) violations.Add(field, "日期格式应为 YYYY-MM-DD / must be a date YYYY-MM-DD");
        return date;
    }
}

/// <summary>Keyset position: results continue with decisions strictly before (decision date, id) in newest-first order.</summary>
public sealed record DecisionSearchCursor(DateOnly DecisionDate, Guid DecisionId)
{
    /// <summary>The opaque page token of the platform's <see cref="Paging"/> (list "decisions").</summary>
    public string Encode() => Paging.Token("decisions", [CountyTime.Format(DecisionDate), DecisionId.ToString("N")]);

    /// <summary>The cursor in a token's key; null when the key is not a date and an id.</summary>
    public static DecisionSearchCursor? FromKey(IReadOnlyList<string> key) =>
        key.Count == 2 && CountyTime.ParseDate(key[0]) is { } date && Guid.TryParseExact(key[1], "N", out var id) ? new DecisionSearchCursor(date, id) : null;
}

/// <summary>One page of public decisions; <see cref="Next"/> is null on the last page.</summary>
public sealed record DecisionSearchPage(IReadOnlyList<V1.PublicDecision> Decisions, DecisionSearchCursor? Next);
