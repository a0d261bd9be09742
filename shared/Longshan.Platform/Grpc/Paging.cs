using System.Buffers.Text;
using System.Text;

namespace Longshan.Platform.Grpc;

/// <summary>
/// Keyset paging, the one way every list RPC and portal list pages: <c>page_size</c> 0–<see cref="MaxSize"/>
/// (0 means <see cref="DefaultSize"/>) and an opaque <c>page_token</c> that carries the list's name and the key of the
/// last row of the previous page, so a page never skips or repeats rows written in between, and a token of one list
/// is refused by another.
/// </summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;
    const int MaxTokenLength = 1000;
    const char Separator = '\u001f';

    public const string SizeError = "每页条数须在 0–200 之间（0 表示 50）/ page_size must be 0–200 (0 means 50)";
    public const string TokenError = "无效的分页标记 / invalid page token";

    /// <summary>
    /// Reads and checks <paramref name="pageSize"/> and <paramref name="pageToken"/> of list <paramref name="list"/>;
    /// <paramref name="keyIsValid"/> checks the key parts (e.g. that a sequence is a number).
    /// </summary>
    public static PageRequest Read(FieldViolations violations, string list, int pageSize, string? pageToken,
        Func<IReadOnlyList<string>, bool>? keyIsValid = null)
    {
        if (pageSize is < 0 or > MaxSize) violations.Add("page_size", SizeError);
        IReadOnlyList<string>? after = null;
        if (!string.IsNullOrEmpty(pageToken))
        {
            after = Decode(list, pageToken);
            if (after is null || (keyIsValid is not null && !keyIsValid(after)))
            {
                violations.Add("page_token", TokenError);
                after = null;
            }
        }

        return new PageRequest(list, pageSize is > 0 and <= MaxSize ? pageSize : DefaultSize, after);
    }

    /// <summary>The token that continues list <paramref name="list"/> after <paramref name="key"/>.</summary>
    public static string Token(string list, IEnumerable<string> key) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, key.Prepend(list))));

    static IReadOnlyList<string>? Decode(string list, string token)
    {
        if (token.Length > MaxTokenLength || !Base64Url.IsValid(token)) return null;
        string text;
        try { text = new UTF8Encoding(false, true).GetString(Base64Url.DecodeFromChars(token)); }
        catch (Exception e) when (e is FormatException or ArgumentException) { return null; }
        var parts = text.Split(Separator);
        return parts.Length >= 2 && parts[0] == list ? parts[1..] : null;
    }

    /// <summary>A key part that is a whole number, for lists keyed by a sequence.</summary>
    public static bool IsNumber(string part) =>
        long.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _);
}

/// <summary>One page asked for: its size and, after the first page, the key of the last row already shown.</summary>
public sealed record PageRequest(string List, int Size, IReadOnlyList<string>? After)
{
    /// <summary>Rows to fetch: one more than the page, to know whether another page follows.</summary>
    public int Fetch => Size + 1;

    /// <summary>The single key part of a one-part key; null on the first page.</summary>
    public string? AfterKey => After?[0];

    /// <summary>A sequence key (newest-first lists read below it); <see cref="long.MaxValue"/> on the first page.</summary>
    public long BeforeSequence => After is null ? long.MaxValue : long.Parse(After[0], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Cuts rows fetched with <see cref="Fetch"/> to the page, with the next page's token ("" on the last).</summary>
    public Page<T> Cut<T>(IReadOnlyList<T> rows, Func<T, IEnumerable<string>> key) =>
        rows.Count > Size
            ? new Page<T>(rows.Take(Size).ToList(), Paging.Token(List, key(rows[Size - 1])))
            : new Page<T>(rows, "");

    public Page<T> Cut<T>(IReadOnlyList<T> rows, Func<T, string> key) => Cut(rows, r => [key(r)]);
}

/// <summary>A page of rows and the token of the next page ("" when this is the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string NextToken);
