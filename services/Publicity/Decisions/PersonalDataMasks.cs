using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// Masking of single personal-data values and detection of them in free text. Deterministic; the
/// mask character is '*'. Rules follow the provincial "penalty results online publication" measures
/// (handbook, Publicity: redaction) and 《个人信息保护法》第二十八条 (sensitive personal information).
/// </summary>
public static partial class PersonalDataMasks
{
    private const char Star = '*';

    /// <summary>The shortest labelled bank account masked (provincial measures: accounts of 10–30 digits).</summary>
    public const int MinLabelledAccountDigits = 10;

    /// <summary>
    /// Name of a natural person: the first character (taken as the surname) is kept, every other
    /// character becomes '*': 张三 → 张*, 张三丰 → 张**. Compound surnames (欧阳…) are not detected, which
    /// masks more, never less. A one-character name becomes "*".
    /// </summary>
    public static string MaskName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var elements = StringInfo.ParseCombiningCharacters(trimmed);
        if (elements.Length == 0)
        {
            return trimmed;
        }

        if (elements.Length == 1)
        {
            return Star.ToString();
        }

        var first = trimmed[..elements[1]];
        return first + new string(Star, elements.Length - 1);
    }

    /// <summary>
    /// Resident ID number (居民身份证号码, 18 or the old 15 characters): the first 6 characters (the
    /// administrative-division code of registration) are kept and the rest — birth date, sequence and
    /// sex digit, check character — become '*': 11010519491231002X → 110105************. Keeping the last
    /// characters too (a common display style) was rejected as it narrows a search by region and sex.
    /// Any other identifier (passport…) is masked completely, keeping its length.
    /// </summary>
    public static string MaskResidentId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var value = id.Trim();
        return value.Length is 18 or 15
            ? value[..6] + new string(Star, value.Length - 6)
            : new string(Star, value.Length);
    }

    /// <summary>Mainland mobile number: first 3 digits and last 4 kept (138****5678); a +86/0086 prefix and separators are kept.</summary>
    public static string MaskMobile(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var match = MobileRegex().Match(phone);
        if (!match.Success || match.Length != phone.Length)
        {
            return MaskDigits(phone, keepLast: 0);
        }

        var number = match.Groups["number"];
        var digitIndex = 0;
        var totalDigits = number.Value.Count(char.IsAsciiDigit);
        var builder = new StringBuilder(phone[..number.Index]);
        foreach (var c in number.Value)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(digitIndex < 3 || digitIndex >= totalDigits - 4 ? c : Star);
                digitIndex++;
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Landline: the area code (区号) is kept, every digit of the subscriber number and extension becomes '*' (0731-********).</summary>
    public static string MaskLandline(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var match = LandlineRegex().Match(phone);
        if (!match.Success || match.Length != phone.Length)
        {
            return MaskDigits(phone, keepLast: 0);
        }

        var rest = match.Groups["rest"];
        return phone[..rest.Index] + MaskDigits(rest.Value, keepLast: 0);
    }

    /// <summary>Bank account (银行账号): every digit but the last 4 becomes '*'; separators are kept (************1234).</summary>
    public static string MaskBankAccount(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return MaskDigits(account, keepLast: 4);
    }

    /// <summary>
    /// Masks the numbers that identify or reach a person wherever they stand in a free text: resident ID numbers
    /// (身份证号码), bank accounts (银行账号), mobile and landline numbers (联系电话). IDs go first, as an 18-digit
    /// ID is also a 16–19 digit run. <paramref name="keepAsIs"/> (a legal person's public credit code) is left alone.
    /// </summary>
    public static string MaskNumbers(string text, string? keepAsIs = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A labelled account of any length first (账号/账户/开户行/卡号 …, 10–30 digits): an 18-digit one must not be
        // read as an ID number and keep its first six digits.
        text = LabelledBankAccountRegex().Replace(text, m => Keep(m.Groups["value"], keepAsIs) is not null || m.Groups["value"].Value.Count(char.IsAsciiDigit) < MinLabelledAccountDigits
            ? m.Value
            : m.Value[..(m.Groups["value"].Index - m.Index)] + MaskBankAccount(m.Groups["value"].Value));
        text = ResidentIdRegex().Replace(text, m => Keep(m, keepAsIs) ?? MaskResidentId(m.Value));
        text = BankAccountRegex().Replace(text, m => Keep(m, keepAsIs) ?? MaskBankAccount(m.Value));
        text = MobileRegex().Replace(text, m => MaskMobile(m.Value));
        return LandlineRegex().Replace(text, m => MaskLandline(m.Value));
    }

    private static string? Keep(Group match, string? keepAsIs) =>
        keepAsIs is not null && string.Equals(match.Value, keepAsIs, StringComparison.OrdinalIgnoreCase) ? match.Value : null;

    /// <summary>An 18-character (or old 15-digit) resident ID number with a plausible birth date, standing alone in text.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]|[1-9]\d{7}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3})(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    internal static partial Regex ResidentIdRegex();

    /// <summary>
    /// A bank account after its label (银行账号, 账号, 账户, 开户行, 卡号, 收款账户 …): digits grouped by one separator used
    /// throughout (spaces, the ideographic space or hyphens, up to three characters: "6222-0212", "627 - 194"), at most
    /// 30 characters after the label that are neither digits nor a sentence end (e.g. "开户行：中国银行龙山支行 账号：").
    /// Masked when it has 10 digits or more (the rule names 10–30; a longer run is masked too, never less), keeping the
    /// last 4. The one-separator rule keeps a number that follows (a phone) out of the account. A mask character
    /// before the digits stops the match, so masking an already masked text changes nothing.
    /// </summary>
    [GeneratedRegex(@"(?:账号|账户|开户行|卡号)[^0-9*。；;！!？?\r\n]{0,30}?(?<![0-9A-Za-z*])(?<value>\d+(?:(?<sep>[ \u3000\-‐–—]{1,3})\d+(?:\k<sep>\d+)*)?)(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    internal static partial Regex LabelledBankAccountRegex();

    /// <summary>
    /// An unlabelled account: a run of 16–19 digits, or the card style of groups of four separated by a space or hyphen
    /// (6222 0212 3456 7890 123). Other groupings are recognised only after a label (<see cref="LabelledBankAccountRegex"/>):
    /// a looser pattern here would join a landline and a mobile standing side by side into one "account" and reveal the
    /// mobile's masked middle digits.
    /// </summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z*])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?)(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    internal static partial Regex BankAccountRegex();

    /// <summary>Mainland mobile: optional +86/0086/86 prefix, then 1[3-9] and 9 more digits, optionally grouped 3-4-4.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z+])(?:(?:\+|00)?86[ -]?)?(?<number>1[3-9]\d(?:[ -]?\d{4}){2})(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    internal static partial Regex MobileRegex();

    /// <summary>Landline: area code 0 + 2–3 digits (optionally in brackets, optionally followed by - or space), 7–8 digits, optional -extension.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[ -]?)(?<rest>\d{7,8}(?:-\d{1,6})?)(?![0-9A-Za-z])", RegexOptions.CultureInvariant)]
    internal static partial Regex LandlineRegex();

    /// <summary>
    /// Labelled home address "住址：…" up to the next ，。；;,() or line break. Labels: 家庭住址, 家庭地址,
    /// 现住址, 户籍地址, 户籍所在地, 居住地址, 经常居住地, 住址 — each followed by a colon.
    /// </summary>
    [GeneratedRegex(@"(?<label>家庭住址|家庭地址|现住址|户籍地址|户籍所在地|居住地址|经常居住地|住址)(?<sep>\s*[:：]\s*)(?<value>[^，。；;,()（）\r\n]+)", RegexOptions.CultureInvariant)]
    internal static partial Regex HomeAddressRegex();

    /// <summary>"住所：…" / "住所地：…" — a home address for a natural person, but a legal person's registered domicile (public).</summary>
    [GeneratedRegex(@"(?<label>住所地|住所)(?<sep>\s*[:：]\s*)(?<value>[^，。；;,()（）\r\n]+)", RegexOptions.CultureInvariant)]
    internal static partial Regex DomicileRegex();

    /// <summary>"家住…" without a colon.</summary>
    [GeneratedRegex(@"(?<label>家住)(?<sep>\s*[:：]?\s*)(?<value>[^，。；;,()（）\r\n]+)", RegexOptions.CultureInvariant)]
    internal static partial Regex LivesAtRegex();

    private static string MaskDigits(string value, int keepLast)
    {
        var totalDigits = value.Count(char.IsAsciiDigit);
        var seen = 0;
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsAsciiDigit(chars[i]))
            {
                if (seen < totalDigits - keepLast)
                {
                    chars[i] = Star;
                }

                seen++;
            }
        }

        return new string(chars);
    }
}
