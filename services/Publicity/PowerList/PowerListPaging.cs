using System.Buffers.Text;
using System.Text;
using Longshan.Platform.Grpc;

namespace Longshan.Publicity.PowerList;

/// <summary>
/// Keyset paging of an agency's list by item code. The page token is opaque to callers (base64url of the last item
/// code of the previous page), so a page never skips or repeats items when others are published in between.
/// </summary>
public static class PowerListPaging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    const string Prefix = "after:";

    public static string TokenAfter(string itemCode) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + itemCode));

    /// <summary>The item code a token continues after; null for no token.</summary>
    /// <exception cref="ArgumentException">The token was not made by <see cref="TokenAfter"/>.</exception>
    public static string? After(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        return TryRead(token, out var after) ? after : throw new ArgumentException("Not a power-list page token.", nameof(token));
    }

    /// <summary>0 means the default size.</summary>
    public static int Size(int requested) => requested == 0 ? DefaultPageSize : requested;

    public static FieldViolations Validate(FieldViolations violations, int pageSize, string pageToken)
    {
        if (pageSize is < 0 or > MaxPageSize)
            violations.Add("page_size", $"每页条数应为 1 至 {MaxPageSize} / page_size must be 1 to {MaxPageSize}");
        if (!string.IsNullOrEmpty(pageToken) && !TryRead(pageToken, out _))
            violations.Add("page_token", "无效的分页标记 / invalid page token");
        return violations;
    }

    static bool TryRead(string token, out string after)
    {
        after = "";
        if (token.Length > 200 || !Base64Url.IsValid(token)) return false;
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        if (!text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        after = text[Prefix.Length..];
        var check = new FieldViolations();
        PowerItemValidation.ItemCode(check, "page_token", after);
        return check.IsEmpty;
    }
}
