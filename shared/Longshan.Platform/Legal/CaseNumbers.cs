using System.Text;

namespace Longshan.Platform.Legal;

/// <summary>
/// 案号 — case numbers as agencies type them vary in brackets and spacing: 龙市监罚〔2026〕42号, 龙市监罚[2026]42号,
/// 龙市监罚【2026】 42号 and 龙市监罚［２０２６］42号 are one case. Compare case numbers only after <see cref="Normalize"/>.
/// </summary>
public static class CaseNumbers
{
    /// <summary>
    /// Full-width letters and digits become half-width (NFKC), every kind of space is removed, and the year brackets
    /// 〔〕 [] ［］ 【】 〖〗 () （） become 〔〕, the form of the national document-numbering standard (GB/T 9704).
    /// </summary>
    public static string Normalize(string? caseNumber)
    {
        if (string.IsNullOrEmpty(caseNumber)) return "";
        var text = caseNumber.Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '\u200b' or '\ufeff') continue;
            result.Append(c switch
            {
                '[' or '【' or '〖' or '(' or '〔' => '〔',
                ']' or '】' or '〗' or ')' or '〕' => '〕',
                _ => c,
            });
        }

        return result.ToString();
    }

    public static bool Same(string? a, string? b) => string.Equals(Normalize(a), Normalize(b), StringComparison.Ordinal);
}
