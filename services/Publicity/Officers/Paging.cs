using System.Buffers.Text;
using System.Text;
using Longshan.Platform.Grpc;

namespace Longshan.Publicity.Officers;

/// <summary>
/// Keyset paging for list RPCs: <c>page_size</c> 1–200 (50 when 0) and an opaque <c>page_token</c> that carries the
/// last key of the previous page.
/// </summary>
public static class Paging
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    /// <summary>Page size and a token carrying a text key.</summary>
    public static FieldViolations Validate(FieldViolations violations, int pageSize, string pageToken) =>
        Check(violations, pageSize, DecodeKey(pageToken) is not null);

    /// <summary>Page size and a token carrying a sequence (newest-first lists).</summary>
    public static FieldViolations ValidateSequence(FieldViolations violations, int pageSize, string pageToken) =>
        Check(violations, pageSize, DecodeBefore(pageToken) is not null);

    static FieldViolations Check(FieldViolations violations, int pageSize, bool tokenIsValid)
    {
        if (pageSize is < 0 or > MaxSize) violations.Add("page_size", $"须在 0–{MaxSize} 之间 / must be 0–{MaxSize}");
        if (!tokenIsValid) violations.Add("page_token", "无效的分页标记 / invalid page token");
        return violations;
    }

    public static int Size(int requested) => requested == 0 ? DefaultSize : requested;

    public static string EncodeKey(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));

    /// <summary>The key in a token, "" for no token, null for a malformed one.</summary>
    public static string? DecodeKey(string token)
    {
        if (token.Length == 0) return "";
        if (token.Length > 400) return null;
        try { return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)); }
        catch (FormatException) { return null; }
    }

    /// <summary>For newest-first lists keyed by a sequence: the sequence to read below; null for a malformed token.</summary>
    public static long? DecodeBefore(string token) => DecodeKey(token) switch
    {
        "" => long.MaxValue,
        { } key when long.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seq) => seq,
        _ => null,
    };

    /// <summary>Rows were fetched with one extra: cut to the page and give the token of the next page ("" on the last).</summary>
    public static (IReadOnlyList<T> Page, string NextToken) Cut<T>(IReadOnlyList<T> rows, int size, Func<T, string> key) =>
        rows.Count > size ? (rows.Take(size).ToList(), EncodeKey(key(rows[size - 1]))) : (rows, "");
}
