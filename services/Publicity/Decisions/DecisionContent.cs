namespace Longshan.Publicity.Decisions;

/// <summary>Kind of party (当事人).</summary>
public enum PartyKind
{
    /// <summary>自然人 — natural person.</summary>
    NaturalPerson,

    /// <summary>法人或者其他组织 — legal person or other organisation.</summary>
    Organisation,
}

/// <summary>The one mapping of <see cref="PartyKind"/> to proto and to its stored/event name (never renamed).</summary>
public static class PartyKinds
{
    public const string NaturalPersonName = "natural-person";
    public const string OrganisationName = "organisation";

    public static string Name(PartyKind kind) => kind == PartyKind.NaturalPerson ? NaturalPersonName : OrganisationName;

    /// <summary>The domain kind of a proto value; null when unspecified or unknown.</summary>
    public static PartyKind? FromProto(Longshan.Contracts.Publicity.V1.PartyKind kind) => kind switch
    {
        Longshan.Contracts.Publicity.V1.PartyKind.NaturalPerson => PartyKind.NaturalPerson,
        Longshan.Contracts.Publicity.V1.PartyKind.Organisation => PartyKind.Organisation,
        _ => null,
    };

    public static Longshan.Contracts.Publicity.V1.PartyKind ToProto(PartyKind kind) => kind == PartyKind.NaturalPerson
        ? Longshan.Contracts.Publicity.V1.PartyKind.NaturalPerson
        : Longshan.Contracts.Publicity.V1.PartyKind.Organisation;

    /// <summary>The domain kind of a stored name; null for an unknown name.</summary>
    public static PartyKind? FromName(string name) => name switch
    {
        NaturalPersonName => PartyKind.NaturalPerson,
        OrganisationName => PartyKind.Organisation,
        _ => null,
    };
}

/// <summary>The content of a decision as handed to redaction before ex-post publication (事后公开).</summary>
public sealed record DecisionContent
{
    /// <summary>Kind of party.</summary>
    public required PartyKind PartyKind { get; init; }

    /// <summary>Party name (当事人名称/姓名).</summary>
    public required string PartyName { get; init; }

    /// <summary>Resident ID number (居民身份证号码) of a natural person, or unified social credit code (统一社会信用代码) of an organisation.</summary>
    public string? PartyIdentifier { get; init; }

    /// <summary>The party is a minor (未成年人) — the caller derives it, e.g. from the ID number's birth date.</summary>
    public bool PartyIsMinor { get; init; }

    /// <summary>The facts are a state secret (国家秘密).</summary>
    public bool InvolvesStateSecret { get; init; }

    /// <summary>The facts are a commercial secret (商业秘密).</summary>
    public bool InvolvesCommercialSecret { get; init; }

    /// <summary>The facts are personal privacy (个人隐私).</summary>
    public bool InvolvesPersonalPrivacy { get; init; }

    /// <summary>Facts (违法事实/主要事实).</summary>
    public string Facts { get; init; } = "";

    /// <summary>Legal basis (法律依据).</summary>
    public string LegalBasis { get; init; } = "";

    /// <summary>Result / conclusion (执法结论、处罚结果).</summary>
    public string Result { get; init; } = "";

    /// <summary>Names of natural persons other than the party appearing in the texts (witnesses, legal representatives, victims…).</summary>
    public IReadOnlyList<string> ThirdPartyNames { get; init; } = [];

    /// <summary>Home addresses known from the case record, masked wherever they occur in the texts.</summary>
    public IReadOnlyList<string> KnownHomeAddresses { get; init; } = [];
}

/// <summary>The public version of a decision after redaction.</summary>
/// <param name="PartyKind">Kind of party.</param>
/// <param name="PartyName">Name as published (a natural person's given name masked).</param>
/// <param name="PartyIdentifier">Identifier as published (a natural person's ID number masked; a credit code unchanged).</param>
/// <param name="Facts">Redacted facts.</param>
/// <param name="LegalBasis">Redacted legal basis.</param>
/// <param name="Result">Redacted result.</param>
public sealed record RedactedDecision(
    PartyKind PartyKind,
    string PartyName,
    string? PartyIdentifier,
    string Facts,
    string LegalBasis,
    string Result);

/// <summary>Why a decision must not be published at all.</summary>
public enum NonPublicationReason
{
    /// <summary>The party is a minor — 《未成年人保护法》第一百零三条; provincial penalty-publication measures.</summary>
    PartyIsMinor,

    /// <summary>State secret — 《行政处罚法》第五十条; 《政府信息公开条例》第十四条.</summary>
    StateSecret,

    /// <summary>Commercial secret — 《行政处罚法》第五十条; 《政府信息公开条例》第十五条.</summary>
    CommercialSecret,

    /// <summary>Personal privacy — 《行政处罚法》第五十条; 《政府信息公开条例》第十五条.</summary>
    PersonalPrivacy,
}

/// <summary>Whether a decision may be published, and if not, every reason why.</summary>
/// <param name="Reasons">Reasons against publication; empty when publishable.</param>
public sealed record PublicationEligibility(IReadOnlyList<NonPublicationReason> Reasons)
{
    /// <summary>True when no reason forbids publication.</summary>
    public bool MayPublish => Reasons.Count == 0;

    /// <summary>Human-readable reasons with their legal sources, for a FailedPrecondition message.</summary>
    public string Describe() => MayPublish
        ? "publishable"
        : string.Join("; ", Reasons.Select(Describe));

    /// <summary>Describes one reason with its legal source.</summary>
    public static string Describe(NonPublicationReason reason) => reason switch
    {
        NonPublicationReason.PartyIsMinor => "party is a minor (未成年人保护法 art. 103; provincial penalty-publication measures)",
        NonPublicationReason.StateSecret => "facts are a state secret (APL art. 50; 政府信息公开条例 art. 14)",
        NonPublicationReason.CommercialSecret => "facts are a commercial secret (APL art. 50; 政府信息公开条例 art. 15)",
        NonPublicationReason.PersonalPrivacy => "facts are personal privacy (APL art. 50; 政府信息公开条例 art. 15)",
        _ => reason.ToString(),
    };
}
