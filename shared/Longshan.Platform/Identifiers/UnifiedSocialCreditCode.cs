namespace Longshan.Platform.Identifiers;

/// <summary>
/// 统一社会信用代码 — the 18-character unified social credit code of an organisation, GB 32100-2015:
/// registration authority (1), organisation kind (1), administrative division (6 digits), organisation code
/// (9, GB 11714), check character (1). Characters come from 0-9 and A-Y without I, O, S, V, Z.
/// </summary>
public static class UnifiedSocialCreditCode
{
    /// <summary>GB 32100-2015 §4.2: the 31 code characters; a character's value is its index.</summary>
    const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>GB 32100-2015 §5: weights of positions 1–17 (3^(i-1) mod 31).</summary>
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper-cases and trims; validation is on the normalised form.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>Null when <paramref name="code"/> (normalised) is valid, otherwise what is wrong (Chinese / English).</summary>
    public static string? Validate(string? code)
    {
        var c = Normalize(code);
        if (c.Length != 18) return $"统一社会信用代码应为18位，实为{c.Length}位 / must be 18 characters, got {c.Length}";
        var bad = c.FirstOrDefault(ch => Alphabet.IndexOf(ch) < 0);
        if (bad != default) return $"含非法字符“{bad}” / contains invalid character '{bad}'";
        if (!c.AsSpan(2, 6).ContainsOnlyDigits()) return "第3–8位行政区划码应为数字 / positions 3–8 (administrative division) must be digits";
        var expected = CheckCharacter(c.AsSpan(0, 17));
        return c[17] == expected ? null : $"校验码错误，应为“{expected}” / wrong check character, expected '{expected}'";
    }

    public static bool IsValid(string? code) => Validate(code) is null;

    /// <summary>The check character for the first 17 characters: C18 = 31 − (Σ Ci·Wi mod 31), with 31 written as 0.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var ch in span) if (!char.IsAsciiDigit(ch)) return false;
        return true;
    }
}
