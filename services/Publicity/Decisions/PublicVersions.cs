using Google.Protobuf.WellKnownTypes;
using Longshan.Platform.Calendar;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Legal;
using Event = Longshan.Contracts.Events.Publicity;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// Builds the public version of a decision from its original content through <see cref="Redaction"/>. Pure.
/// Only what this class returns ever leaves the service on a public channel (RPC, portal, public event).
/// </summary>
public static class PublicVersions
{
    /// <summary>The original content in the shape redaction works on.</summary>
    public static DecisionContent ToRedactionInput(V1.DecisionContent content, bool partyIsMinor)
    {
        var party = content.Party;
        var natural = party.Kind == V1.PartyKind.NaturalPerson;
        return new DecisionContent
        {
            PartyKind = PartyKinds.FromProto(party.Kind) ?? PartyKind.Organisation,
            PartyName = party.Name,
            PartyIdentifier = natural ? party.ResidentIdNumber.Trim().ToUpperInvariant() : UnifiedSocialCreditCode.Normalize(party.CreditCode),
            PartyIsMinor = partyIsMinor,
            InvolvesStateSecret = content.InvolvesStateSecret,
            InvolvesCommercialSecret = content.InvolvesCommercialSecret,
            InvolvesPersonalPrivacy = content.InvolvesPersonalPrivacy,
            Facts = content.Facts.Trim(),
            LegalBasis = LegalBasisText(content.LegalBasis),
            Result = content.Conclusion.Trim(),
            ThirdPartyNames = [.. content.ThirdPartyNames],
            KnownHomeAddresses = [.. party.HomeAddresses],
        };
    }

    /// <summary>
    /// A free text published with the decision (withdrawal reason, change note), trimmed and masked as the decision's
    /// own texts once for each given content — pass the previous and the corrected content of a correction, so a note
    /// naming the old, misspelt party name masks that too.
    /// </summary>
    public static string PublicText(string text, RedactionOptions options, params V1.DecisionContent[] contents) =>
        contents.Aggregate(text.Trim(), (masked, content) => Redaction.RedactText(ToRedactionInput(content, content.Party.IsMinor), masked, options));

    /// <summary>The public version <paramref name="version"/> of a publishable decision.</summary>
    /// <exception cref="InvalidOperationException">A redaction rule forbids publication (checked before by the caller).</exception>
    public static V1.PublicDecision Build(
        DecisionRow decision, V1.DecisionContent content, bool partyIsMinor, string agencyName,
        int version, DateTimeOffset firstPublishedAt, DateTimeOffset versionPublishedAt, RedactionOptions options)
    {
        var input = ToRedactionInput(content, partyIsMinor);
        var redacted = Redaction.Redact(input, options);
        string Clean(string text) => Redaction.RedactText(input, text.Trim(), options);
        return new V1.PublicDecision
        {
            DecisionId = decision.DecisionId.ToString(),
            AgencyCode = decision.AgencyCode,
            AgencyName = agencyName,
            CaseNumber = decision.CaseNumber,
            Category = DecisionNames.CategoryFromName(decision.Category),
            DecisionDate = CountyTime.Format(decision.DecisionDate),
            Party = new V1.PublicParty { Kind = content.Party.Kind, Name = redacted.PartyName, Identifier = redacted.PartyIdentifier ?? "" },
            Facts = redacted.Facts,
            // The legal basis is free text an agency fills in: it goes through the same masks as the facts (issue 12).
            LegalBasis = { content.LegalBasis.Select(b => new V1.LegalBasis { Law = Clean(b.Law), Article = Clean(b.Article) }) },
            Penalties = { content.Penalties.Select(p => p.Clone()) },
            Conclusion = redacted.Result,
            Version = version,
            FirstPublishedAt = Timestamp.FromDateTimeOffset(firstPublishedAt),
            VersionPublishedAt = Timestamp.FromDateTimeOffset(versionPublishedAt),
            // 《行政处罚法》第二十条: made by an entrusted organisation in the agency's name (its name: DecisionEndpoint).
            ActingOrganisationCode = decision.ActingOrganisationCode?.Trim() ?? "",
        };
    }

    /// <summary>
    /// The public view after 撤回 (APL art. 48): the decision's information is withdrawn — party, facts, basis and
    /// result leave the public view — while the withdrawal, its kind, date and reason are published.
    /// </summary>
    public static V1.PublicDecision Withdrawn(V1.PublicDecision current, V1.PublicWithdrawal withdrawal) => new()
    {
        DecisionId = current.DecisionId,
        AgencyCode = current.AgencyCode,
        AgencyName = current.AgencyName,
        CaseNumber = current.CaseNumber,
        Category = current.Category,
        DecisionDate = current.DecisionDate,
        Party = new V1.PublicParty { Kind = current.Party.Kind },
        Version = current.Version,
        FirstPublishedAt = current.FirstPublishedAt,
        VersionPublishedAt = current.VersionPublishedAt,
        Withdrawn = true,
        Withdrawal = withdrawal,
        ActingOrganisationCode = current.ActingOrganisationCode,
        ActingOrganisationName = current.ActingOrganisationName,
    };

    /// <summary>The text the keyword search runs over: only public fields.</summary>
    public static string SearchText(V1.PublicDecision decision) => string.Join('\n', new[]
    {
        decision.CaseNumber, decision.AgencyName, decision.ActingOrganisationName, decision.Party?.Name, decision.Party?.Identifier, decision.Facts,
        LegalBasisText(decision.LegalBasis), decision.Conclusion, decision.Withdrawal?.Reason,
    }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>The public version as carried by DecisionPublished / DecisionUpdated.</summary>
    public static Event.DecisionPublicVersion ToEvent(V1.PublicDecision decision) => new()
    {
        Version = decision.Version,
        CaseNumber = decision.CaseNumber,
        Category = DecisionNames.Category(decision.Category)!,
        DecisionDate = CountyTime.ParseDate(decision.DecisionDate)!.Value,
        PartyKind = DecisionNames.PartyKind(decision.Party.Kind)!,
        PartyName = decision.Party.Name,
        PartyIdentifier = decision.Party.Identifier,
        Facts = decision.Facts,
        LegalBasis = decision.LegalBasis.Select(b => new Event.DecisionLegalBasis(b.Law, b.Article)).ToList(),
        Penalties = Penalties(decision.Penalties),
        Conclusion = decision.Conclusion,
        PublishedAt = decision.VersionPublishedAt.ToDateTimeOffset(),
    };

    /// <summary>The penalties as events carry them: the kind by its name (<see cref="PenaltyKinds.Name(V1.PenaltyKind)"/>).</summary>
    public static List<Event.DecisionPenalty> Penalties(IEnumerable<V1.Penalty> penalties) =>
        penalties.Select(p => new Event.DecisionPenalty(PenaltyKinds.Name(p.Kind)!, p.AmountFen)).ToList();

    /// <summary>
    /// The most severe kind's name in the configured order (<c>Statistics:SeverityOrder</c>, DOMAIN.md, Statistics:
    /// the kind the annual statistics count the decision under); null when there are no penalties.
    /// </summary>
    public static string? MostSevere(IEnumerable<V1.Penalty> penalties, PenaltySeverity severity) =>
        severity.MostSevere(penalties.Select(p => PenaltyKinds.Name(p.Kind)!));

    static string LegalBasisText(IEnumerable<V1.LegalBasis> bases) =>
        string.Join("；", bases.Select(b => b.Law.Trim() + b.Article.Trim()));
}
