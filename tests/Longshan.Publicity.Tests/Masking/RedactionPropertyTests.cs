using System.Text;
using CsCheck;
using Longshan.Publicity.Decisions;

namespace Longshan.Publicity.Tests.Masking;

/// <summary>
/// Property tests of the public-text masks (APL art. 50; provincial penalty-publication measures; 《个人信息保护法》第二十八条):
/// generated texts with personal data — ID numbers, mobiles, landlines, bank accounts labelled or bare in any grouping,
/// home addresses, health terms, other persons' names — in any position and format never leak into the public text
/// (facts, legal basis, result), whatever the party kind. CsCheck prints the seed of a failing case.
/// </summary>
public sealed class RedactionPropertyTests
{
    /// <summary>One piece of personal data as it stands in the text, and what must not be readable afterwards.</summary>
    public sealed record Secret(string Text, string Kind, IReadOnlyList<string> Literals, IReadOnlyList<string> DigitRuns, string? Name = null)
    {
        public override string ToString() => $"{Kind}: {Text}";
    }

    // Filler: no digits, letters, label words, names or health-term characters; separators included.
    const string Filler = "营在查中被发现未按规定公示的况予以警告并责令改正，。；（）、 ";
    static readonly string[] Surnames = ["王", "李", "赵", "钱", "孙", "周", "吴", "郑", "冯", "陈"];
    static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"];
    static readonly string[] AccountLabels =
        ["账号：", "账号", "账户：", "银行账户 ", "收款账户:", "开户行：中国农业银行龙山支行，账号：", "开户行 中国银行龙山县支行 ", "卡号：", "对公账户 "];
    static readonly string[] Streets = ["民安街道兴隆路", "华塘街道建设路", "洗车河镇老街", "里耶镇中心路"];

    static Gen<string> Digits(int min, int max) => Gen.Int[0, 9].Array[min, max].Select(d => string.Concat(d));

    static Gen<string> FromSet(string alphabet, int min, int max) =>
        Gen.Int[0, alphabet.Length - 1].Array[min, max].Select(ix => new string([.. ix.Select(i => alphabet[i])]));

    static Gen<string> OneOf(IReadOnlyList<string> values) => Gen.Int[0, values.Count - 1].Select(i => values[i]);

    /// <summary>Digits grouped every <c>size</c> by one of: nothing, space, hyphen, two spaces, ideographic space, " - ".</summary>
    static Gen<string> Grouped(Gen<string> digits) => Gen.Select(digits, Gen.Int[2, 6], Gen.Int[0, 5], (d, size, kind) =>
    {
        var separator = kind switch { 0 => "", 1 => " ", 2 => "-", 3 => "  ", 4 => "\u3000", _ => " - " };
        var builder = new StringBuilder();
        for (var i = 0; i < d.Length; i++)
        {
            if (i > 0 && i % size == 0) builder.Append(separator);
            builder.Append(d[i]);
        }
        return builder.ToString();
    });

    static readonly Gen<Secret> ResidentId = Gen.Select(Gen.Int[1950, 2009], Gen.Int[1, 12], Gen.Int[1, 28], Digits(3, 3), Gen.Int[0, 11], (y, m, d, seq, check) =>
    {
        var birth = $"{y:D4}{m:D2}{d:D2}";
        var id = "433130" + birth + seq + (check == 10 ? "X" : check == 11 ? "x" : check.ToString());
        return new Secret(id, "resident-id", [id], [birth + seq]);
    });

    static readonly Gen<Secret> Mobile = Gen.Select(Gen.Int[3, 9], Digits(9, 9), OneOf(["", "+86 ", "0086-", "+86", "86 "]), OneOf(["", " ", "-"]), (second, rest, prefix, separator) =>
    {
        var number = "1" + second + rest;
        var (head, middle, tail) = (number[..3], number[3..7], number[7..]);
        var text = prefix + head + separator + middle + separator + tail;
        // Readable: the first 3 and the last 4 digits. The masked middle must not show, next to either kept part.
        return new Secret(text, "mobile", [text, head + separator + middle, middle + separator + tail], [number]);
    });

    static readonly Gen<Secret> Landline = Gen.Select(OneOf(["0743", "0731", "010"]), Digits(7, 8), Gen.Int[0, 3], (area, subscriber, format) =>
    {
        var text = format switch { 0 => $"{area}-{subscriber}", 1 => $"({area}){subscriber}", 2 => $"（{area}）{subscriber}", _ => $"{area} {subscriber}" };
        return new Secret(text, "landline", [text], [subscriber]);
    });

    /// <summary>账号/账户/开户行 … and 10–30 digits, grouped any way: all but the last 4 digits are masked.</summary>
    static readonly Gen<Secret> LabelledAccount = Gen.Select(OneOf(AccountLabels), Digits(8, 28), (label, tail) => (label, digits: "62" + tail))
        .SelectMany(x => Grouped(Gen.Const(x.digits)).Select(grouped => new Secret(x.label + grouped, "labelled-account", [grouped], [x.digits[..^4]])));

    /// <summary>A bare 16–19 digit run (no label), grouped by single spaces or hyphens.</summary>
    static readonly Gen<Secret> BareAccount = Gen.Select(Digits(14, 17), Gen.Int[0, 2], (tail, kind) =>
    {
        var digits = "62" + tail;
        var separator = kind switch { 0 => "", 1 => " ", _ => "-" };
        var text = string.Join(separator, digits.Chunk(4).Select(c => new string(c)));
        return new Secret(text, "bare-account", [text], [digits[..^4]]);
    });

    static readonly Gen<Secret> Address = Gen.Select(OneOf(["住址：", "家庭住址:", "现住址：", "户籍地址：", "家住", "居住地址 ："]), OneOf(Streets), Gen.Int[1, 999], (label, street, number) =>
    {
        var value = $"湖南省龙山县{street}{number}号";
        return new Secret(label + value + "，", "address", [street + number], []);
    });

    static readonly Gen<Secret> Health = Gen.Select(OneOf(RedactionOptions.Default.HealthTerms), Gen.Bool, (term, lower) =>
    {
        var text = lower ? term.ToLowerInvariant() : term;
        return new Secret(text, "health", [text.ToUpperInvariant(), text.ToLowerInvariant()], []);
    });

    static readonly Gen<Secret> OtherPerson = Gen.Select(OneOf(Surnames), OneOf(Given), OneOf([.. Given, ""]), (s, g1, g2) =>
    {
        var name = s + g1 + g2;
        return new Secret(name, "name", [name], [], name);
    });

    static readonly Gen<Secret> AnySecret = Gen.OneOf(ResidentId, Mobile, Landline, LabelledAccount, BareAccount, Address, Health, OtherPerson);

    /// <summary>Secrets at the start, the end or in between, each pair apart by at least one filler character.</summary>
    static readonly Gen<(string Text, Secret[] Secrets)> Texts =
        Gen.Select(FromSet(Filler, 0, 6), Gen.Select(AnySecret, FromSet(Filler, 1, 6)).Array[1, 6])
            .Select(t => (t.Item1 + string.Concat(t.Item2.Select(p => p.Item1.Text + p.Item2)), t.Item2.Select(p => p.Item1).ToArray()));

    static readonly Gen<bool> NaturalPersonParty = Gen.Bool;

    static DecisionContent Decision(bool natural, string text, IEnumerable<Secret> secrets) => new()
    {
        PartyKind = natural ? PartyKind.NaturalPerson : PartyKind.Organisation,
        PartyName = natural ? "田某某" : "龙山县某某食品有限公司",
        PartyIdentifier = natural ? "433130199001011234" : "91433130MA4L000001",
        Facts = text,
        LegalBasis = text,
        Result = text,
        ThirdPartyNames = [.. secrets.Where(s => s.Name is not null).Select(s => s.Name!)],
    };

    static string DigitsOf(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    static void NoLeak(string published, Secret[] secrets)
    {
        var digits = DigitsOf(published);
        foreach (var secret in secrets)
        {
            foreach (var literal in secret.Literals)
                Assert.False(published.Contains(literal, StringComparison.Ordinal), $"{secret.Kind} '{literal}' leaked: {published}");
            foreach (var run in secret.DigitRuns)
                Assert.False(digits.Contains(run, StringComparison.Ordinal), $"{secret.Kind} digits '{run}' leaked: {published}");
        }
    }

    [Fact]
    public void Personal_data_anywhere_in_the_facts_the_legal_basis_or_the_result_never_leaks()
    {
        Gen.Select(Texts, NaturalPersonParty).Sample((generated, natural) =>
        {
            var decision = Decision(natural, generated.Text, generated.Secrets);
            var redacted = Longshan.Publicity.Decisions.Redaction.Redact(decision);
            NoLeak(redacted.Facts, generated.Secrets);
            NoLeak(redacted.LegalBasis, generated.Secrets);
            NoLeak(redacted.Result, generated.Secrets);
        }, iter: 3000);
    }

    [Fact]
    public void A_labelled_account_of_10_to_30_digits_keeps_only_its_last_four_digits_and_its_label()
    {
        LabelledAccount.Sample(secret =>
        {
            var masked = PersonalDataMasks.MaskNumbers("款项汇入" + secret.Text + "。");
            var digits = DigitsOf(secret.Literals[0]);
            Assert.Equal(digits[^4..], DigitsOf(masked));
            Assert.StartsWith("款项汇入" + secret.Text[..secret.Text.IndexOf(secret.Literals[0], StringComparison.Ordinal)], masked);
        }, iter: 2000);
    }

    [Fact]
    public void Masking_is_idempotent_so_a_stored_masked_text_masks_to_itself()
    {
        Gen.Select(Texts, NaturalPersonParty).Sample((generated, natural) =>
        {
            var decision = Decision(natural, generated.Text, generated.Secrets);
            var once = Longshan.Publicity.Decisions.Redaction.RedactText(decision, generated.Text);
            Assert.Equal(once, Longshan.Publicity.Decisions.Redaction.RedactText(decision, once));
        }, iter: 1000);
    }

    [Theory]
    [InlineData("账号：6222 0212 34", "账号：**** **12 34")] // 10 digits: the shortest labelled account
    [InlineData("账号：622202123", "账号：622202123")] // 9 digits: not an account
    [InlineData("开户行：龙山农商行，账户：622202123456789012345678901234", "开户行：龙山农商行，账户：**************************1234")] // 30 digits
    [InlineData("账户：43313019900101123X", "账户：43313019900101123X")] // not digits only: an ID number, masked by its own rule below
    public void The_labelled_account_length_edges(string text, string expected)
    {
        if (expected.EndsWith('X')) Assert.Equal("账户：433130************", PersonalDataMasks.MaskNumbers(text));
        else Assert.Equal(expected, PersonalDataMasks.MaskNumbers(text));
    }
}
