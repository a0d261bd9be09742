using System.Text.RegularExpressions;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// Decides whether a decision may be published and produces its redacted public version.
/// Rules (handbook, Publicity: redaction — provincial "penalty results online publication" measures,
/// consistent across provinces; 《行政处罚法》第五十条):
/// <list type="bullet">
/// <item>never publish when the party is a minor, or the facts are a state secret, commercial secret or personal privacy;</item>
/// <item>natural-person party: name → surname + '*' (conservative choice: some provincial measures allow the full
/// name in penalty decisions, we publish the surname only), ID number masked, and the same masks applied to the
/// name wherever it occurs in the texts;</item>
/// <item>legal-person party: name and credit code stay public; only bank accounts are masked among its own data;</item>
/// <item>in every text, whatever the party kind: resident ID numbers, mobile and landline numbers, bank accounts
/// (16–19 digits), home addresses (labelled or known), health terms and the supplied third-party names are masked.</item>
/// </list>
/// Free-text masks run in this order: known home addresses, labelled addresses, ID numbers, bank accounts,
/// mobiles, landlines, health terms, names.
/// </summary>
public static class Redaction
{
    /// <summary>Whether the decision may be published at all, with every reason against.</summary>
    public static PublicationEligibility Assess(DecisionContent decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var reasons = new List<NonPublicationReason>();

        // 《未成年人保护法》第一百零三条: no information that could identify a minor in a case; provincial measures: not published.
        if (decision.PartyIsMinor)
        {
            reasons.Add(NonPublicationReason.PartyIsMinor);
        }

        // 《行政处罚法》第五十条; 《政府信息公开条例》第十四条: state secrets are not disclosed.
        if (decision.InvolvesStateSecret)
        {
            reasons.Add(NonPublicationReason.StateSecret);
        }

        // 《行政处罚法》第五十条; 《政府信息公开条例》第十五条: commercial secrets are not disclosed
        // (the article's consent/public-interest exception is the agency's call: it clears the flag).
        if (decision.InvolvesCommercialSecret)
        {
            reasons.Add(NonPublicationReason.CommercialSecret);
        }

        // 《行政处罚法》第五十条; 《政府信息公开条例》第十五条: personal privacy is not disclosed.
        if (decision.InvolvesPersonalPrivacy)
        {
            reasons.Add(NonPublicationReason.PersonalPrivacy);
        }

        return new PublicationEligibility(reasons);
    }

    /// <summary>Produces the public version of a publishable decision.</summary>
    /// <exception cref="InvalidOperationException">The decision must not be published (see <see cref="Assess"/>).</exception>
    public static RedactedDecision Redact(DecisionContent decision, RedactionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        options ??= RedactionOptions.Default;
        var eligibility = Assess(decision);
        if (!eligibility.MayPublish)
        {
            throw new InvalidOperationException($"Decision must not be published: {eligibility.Describe()}.");
        }

        var natural = decision.PartyKind == PartyKind.NaturalPerson;
        var partyName = decision.PartyName.Trim();
        var partyId = decision.PartyIdentifier?.Trim();
        string Clean(string text) => RedactText(decision, text, options);

        return new RedactedDecision(
            decision.PartyKind,
            natural ? PersonalDataMasks.MaskName(partyName) : partyName,
            natural && partyId is not null ? PersonalDataMasks.MaskResidentId(partyId) : partyId,
            Clean(decision.Facts),
            Clean(decision.LegalBasis),
            Clean(decision.Result));
    }

    /// <summary>
    /// Masks a free text published alongside the decision — the withdrawal reason (APL art. 48), a correction's
    /// change note — exactly as the decision's own texts: ID numbers, phones, bank accounts, addresses, health
    /// terms, and the party's (natural person) and third parties' names. Does not check <see cref="Assess"/>.
    /// </summary>
    public static string RedactText(DecisionContent decision, string text, RedactionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var natural = decision.PartyKind == PartyKind.NaturalPerson;
        var partyName = decision.PartyName.Trim();
        var partyId = decision.PartyIdentifier?.Trim();
        var personNames = decision.ThirdPartyNames.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim()).ToList();
        if (natural && partyName.Length > 0)
        {
            personNames.Add(partyName);
        }

        // A legal person's credit code is public (handbook: mask a legal person's bank account only);
        // protect it from the digit-run masks in case it is all digits.
        var keepAsIs = natural || string.IsNullOrEmpty(partyId) ? null : partyId;
        return MaskText(text, natural, keepAsIs, personNames, decision.KnownHomeAddresses, options ?? RedactionOptions.Default);
    }

    private static string MaskText(
        string text,
        bool naturalPersonParty,
        string? keepAsIs,
        IReadOnlyCollection<string> personNames,
        IReadOnlyCollection<string> knownAddresses,
        RedactionOptions options)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Home address (住址) of a natural person.
        text = ReplaceLiterals(text, knownAddresses, _ => options.Mask, ignoreCase: false);
        text = PersonalDataMasks.HomeAddressRegex().Replace(text, m => LabelKept(m, options.Mask));
        text = PersonalDataMasks.LivesAtRegex().Replace(text, m => LabelKept(m, options.Mask));
        if (naturalPersonParty)
        {
            // For a natural person 住所 is the home (《民法典》第二十五条); for a legal person it is the registered domicile, public.
            text = PersonalDataMasks.DomicileRegex().Replace(text, m => LabelKept(m, options.Mask));
        }

        // Resident ID numbers, bank accounts, telephone numbers.
        text = PersonalDataMasks.MaskNumbers(text, keepAsIs);

        // Health information (健康信息) — 《个人信息保护法》第二十八条 sensitive personal information.
        text = ReplaceLiterals(text, options.HealthTerms, _ => options.Mask, ignoreCase: true);

        // Names of natural persons: the party (natural person) and third parties (他人姓名).
        return ReplaceLiterals(text, personNames, PersonalDataMasks.MaskName, ignoreCase: false);
    }

    private static string LabelKept(Match match, string mask) =>
        match.Groups["label"].Value + match.Groups["sep"].Value + mask;

    /// <summary>Replaces every occurrence of any literal, longest literal first, in one left-to-right pass.</summary>
    private static string ReplaceLiterals(string text, IEnumerable<string> literals, Func<string, string> replacement, bool ignoreCase)
    {
        var distinct = literals
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l.Trim())
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(l => l.Length)
            .ThenBy(l => l, StringComparer.Ordinal)
            .ToList();
        if (distinct.Count == 0)
        {
            return text;
        }

        var pattern = string.Join('|', distinct.Select(Regex.Escape));
        var regexOptions = RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
        return Regex.Replace(text, pattern, m => replacement(m.Value), regexOptions);
    }
}
