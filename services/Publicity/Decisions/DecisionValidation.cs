using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// Edge validation of decision requests: every problem becomes a field violation (Chinese / English) before
/// anything is stored. Pure: "today" (county date) is passed in.
/// </summary>
public static class DecisionValidation
{
    public const int MaxCaseNumber = 100;
    public const int MaxName = 200;
    public const int MaxText = 20_000;

    static readonly IReadOnlySet<V1.PenaltyKind> NoLegacyKinds = new HashSet<V1.PenaltyKind>();

    public static FieldViolations Validate(V1.RegisterDecisionRequest request, DateOnly today)
    {
        var violations = RequestId(request.RequestId)
            .Required("case_number", request.CaseNumber)
            .MaxLength("case_number", request.CaseNumber, MaxCaseNumber)
            .MaxLength("review_clearance_reference", request.ReviewClearanceReference, 100);
        if (UnifiedSocialCreditCode.Validate(request.AgencyCode) is { } agencyError) violations.Add("agency_code", agencyError);
        if (DecisionNames.ToDomain(request.Category) is null)
            violations.Add("category", "执法类别未指定或未知 / category is unspecified or unknown");
        PastDate(violations, "decision_date", request.DecisionDate, today);
        // 《行政处罚法》第五十八条: no major decision without a passed legal review — the reference is how we check it.
        if (request.IsMajor && string.IsNullOrWhiteSpace(request.ReviewClearanceReference))
            violations.Add("review_clearance_reference", "重大执法决定须注明法制审核编号 / a major decision needs its legal-review clearance reference (APL art. 58)");
        if (!string.IsNullOrWhiteSpace(request.ContentDigest) && !System.Text.RegularExpressions.Regex.IsMatch(request.ContentDigest.Trim(), "^[0-9a-fA-F]{64}$"))
            violations.Add("content_digest", "须为 64 位十六进制 SHA-256 / must be a SHA-256 in 64 hex digits");
        Content(violations, request.Content, request.Category, today, NoLegacyKinds);
        return violations;
    }

    /// <summary>
    /// An update keeps the decision's category; <paramref name="category"/> is the stored one. A legacy penalty kind
    /// (<see cref="PenaltyKinds.IsLegacy"/>) is accepted only when <paramref name="current"/>, the decision's current
    /// content, already carries it: a correction need not reclassify an old decision, but none gains a legacy kind anew.
    /// </summary>
    public static FieldViolations Validate(V1.UpdateDecisionRequest request, V1.DecisionCategory category, DateOnly today, V1.DecisionContent? current = null)
    {
        var violations = RequestId(request.RequestId)
            .Required("change_note", request.ChangeNote)
            .MaxLength("change_note", request.ChangeNote, 2000);
        var legacyKinds = current is null ? NoLegacyKinds : current.Penalties.Select(p => p.Kind)
            .Where(k => PenaltyKinds.ToDomain(k) is { } kind && PenaltyKinds.IsLegacy(kind)).ToHashSet();
        Content(violations, request.Content, category, today, legacyKinds);
        return violations;
    }

    /// <summary>Checks the fields that do not need the stored decision.</summary>
    public static FieldViolations Validate(V1.WithdrawDecisionRequest request, DateOnly today)
    {
        var violations = RequestId(request.RequestId)
            .Required("reason", request.Reason)
            .MaxLength("reason", request.Reason, 2000);
        // Both may be left out when the revocation was recorded before (RecordRevocation); one alone is incomplete.
        if (request.Kind == V1.RevocationKind.Unspecified && request.RevocationDate.Length == 0) return violations;
        Revocation(violations, request.Kind, request.RevocationDate, today);
        return violations;
    }

    /// <summary>《行政处罚法》第四十八条: what happened to the decision (revoked / changed / confirmed illegal or void) and when.</summary>
    public static FieldViolations Validate(V1.RecordRevocationRequest request, DateOnly today) =>
        Revocation(RequestId(request.RequestId), request.Kind, request.RevocationDate, today);

    static FieldViolations Revocation(FieldViolations violations, V1.RevocationKind kind, string date, DateOnly today)
    {
        if (DecisionNames.Revocation(kind) is null)
            violations.Add("kind", "撤回原因类别未指定或未知 / kind is unspecified or unknown");
        PastDate(violations, "revocation_date", date, today);
        return violations;
    }

    /// <summary>The decision id of a request; a violation on <c>decision_id</c> when malformed.</summary>
    public static Guid DecisionId(string? value) =>
        Guid.TryParse(value, out var id)
            ? id
            : throw RpcErrors.InvalidArgument([new() { Field = "decision_id", Description = "决定编号格式错误 / decision_id must be a UUID" }]);

    /// <summary>Whether the party is a minor: flagged by the agency, or under 18 on the decision date by the ID number (《民法典》第十七条).</summary>
    public static bool PartyIsMinor(V1.Party party, DateOnly decisionDate, DateOnly today) =>
        party.IsMinor
        || (party.Kind == V1.PartyKind.NaturalPerson
            && ResidentIdNumber.TryParse(party.ResidentIdNumber, today, out var id, out _)
            && id.IsMinorOn(decisionDate));

    static FieldViolations RequestId(string requestId) =>
        new FieldViolations().RequestId(requestId);

    static void PastDate(FieldViolations violations, string field, string text, DateOnly today)
    {
        if (CountyTime.ParseDate(text) is not { } date)
            violations.Add(field, "日期格式应为 YYYY-MM-DD / must be a date YYYY-MM-DD");
        else if (date > today) // Dates of legal acts in the future are refused (handbook).
            violations.Add(field, $"日期不得晚于今天（{CountyTime.Format(today)}） / must not be in the future (today is {CountyTime.Format(today)})");
    }

    static void Content(FieldViolations violations, V1.DecisionContent? content, V1.DecisionCategory category, DateOnly today,
        IReadOnlySet<V1.PenaltyKind> legacyKinds)
    {
        if (content is null)
        {
            violations.Add("content", "必填 / required");
            return;
        }

        Party(violations, content.Party, today);
        // 国办发〔2018〕118号: the facts (执法事实) are part of the published decision.
        violations.Required("content.facts", content.Facts).MaxLength("content.facts", content.Facts, MaxText);
        violations.Required("content.conclusion", content.Conclusion).MaxLength("content.conclusion", content.Conclusion, MaxText);
        LegalBases(violations, content.LegalBasis);
        Penalties(violations, content.Penalties, category, legacyKinds);
        for (var i = 0; i < content.ThirdPartyNames.Count; i++)
            violations.MaxLength($"content.third_party_names[{i}]", content.ThirdPartyNames[i], 50);
    }

    static void Party(FieldViolations violations, V1.Party? party, DateOnly today)
    {
        if (party is null)
        {
            violations.Add("content.party", "必填 / required");
            return;
        }

        violations.Required("content.party.name", party.Name).MaxLength("content.party.name", party.Name, MaxName);
        for (var i = 0; i < party.HomeAddresses.Count; i++)
            violations.MaxLength($"content.party.home_addresses[{i}]", party.HomeAddresses[i], 500);
        switch (party.Kind)
        {
            case V1.PartyKind.NaturalPerson:
                // GB 11643-1999: 18 characters, real birth date, MOD 11-2 check character.
                var id = ResidentIdNumber.Validate(party.ResidentIdNumber, today);
                if (!id.IsValid) violations.Add("content.party.resident_id_number", "居民身份证号码无效 / invalid resident ID number: " + id.Message);
                if (!string.IsNullOrEmpty(party.CreditCode))
                    violations.Add("content.party.credit_code", "自然人不填统一社会信用代码 / only for organisations");
                break;
            case V1.PartyKind.Organisation:
                // GB 32100-2015: 18 characters from the code alphabet, check character.
                if (UnifiedSocialCreditCode.Validate(party.CreditCode) is { } codeError) violations.Add("content.party.credit_code", codeError);
                if (!string.IsNullOrEmpty(party.ResidentIdNumber))
                    violations.Add("content.party.resident_id_number", "组织不填居民身份证号码 / only for natural persons");
                if (party.IsMinor) violations.Add("content.party.is_minor", "组织不可能是未成年人 / an organisation is not a minor");
                break;
            default:
                violations.Add("content.party.kind", "当事人类别未指定或未知 / kind is unspecified or unknown");
                break;
        }
    }

    static void LegalBases(FieldViolations violations, IReadOnlyList<V1.LegalBasis> bases)
    {
        // 《行政处罚法》第五十九条: a decision states the kinds of penalty and their legal basis.
        if (bases.Count == 0) violations.Add("content.legal_basis", "至少一项法律依据（法律 + 条款） / at least one legal basis (law + article)");
        for (var i = 0; i < bases.Count; i++)
        {
            violations.Required($"content.legal_basis[{i}].law", bases[i].Law).MaxLength($"content.legal_basis[{i}].law", bases[i].Law, MaxName);
            violations.Required($"content.legal_basis[{i}].article", bases[i].Article).MaxLength($"content.legal_basis[{i}].article", bases[i].Article, MaxName);
        }
    }

    /// <param name="legacyKinds">Legacy kinds the decision already carries, accepted again (none for a registration).</param>
    static void Penalties(FieldViolations violations, IReadOnlyList<V1.Penalty> penalties, V1.DecisionCategory category,
        IReadOnlySet<V1.PenaltyKind> legacyKinds)
    {
        var isPenalty = category == V1.DecisionCategory.Penalty;
        if (isPenalty && penalties.Count == 0)
            violations.Add("content.penalties", "行政处罚决定至少一种处罚 / a penalty decision imposes at least one penalty (APL art. 9)");
        // An unknown category is reported on its own field only.
        if (!isPenalty && DecisionNames.ToDomain(category) is not null && penalties.Count > 0)
            violations.Add("content.penalties", "仅行政处罚决定有处罚种类 / only penalty decisions have penalties");
        for (var i = 0; i < penalties.Count; i++)
        {
            var field = $"content.penalties[{i}]";
            var penalty = penalties[i];
            var kind = PenaltyKinds.ToDomain(penalty.Kind);
            if (kind is null)
                violations.Add(field + ".kind", "处罚种类未指定或未知 / kind is unspecified or unknown");
            else if (PenaltyKinds.IsLegacy(kind.Value) && !legacyKinds.Contains(penalty.Kind))
                // The statistics count 没收违法所得 and 没收非法财物 in separate columns (DOMAIN.md, Statistics).
                violations.Add(field + ".kind",
                    "“没收违法所得、没收非法财物”合并种类已停用，请填写没收违法所得（12）或没收非法财物（13），两者都有时分别填写 / "
                    + "PENALTY_KIND_CONFISCATION (4) is a legacy kind no longer accepted: use PENALTY_KIND_CONFISCATION_OF_ILLEGAL_GAINS (12) "
                    + "or PENALTY_KIND_CONFISCATION_OF_ILLEGAL_PROPERTY (13), one penalty each when the decision imposes both");
            if (penalty.AmountFen < 0)
                violations.Add(field + ".amount_fen", "金额不得为负数 / amount must not be negative");
            else if (kind == PenaltyKind.Fine && penalty.AmountFen == 0)
                violations.Add(field + ".amount_fen", "罚款须写明金额（分） / a fine states its amount in fen");
            else if (penalty.AmountFen > 0 && !(kind is { } k && PenaltyKinds.HasAmount(k)))
                violations.Add(field + ".amount_fen", "仅罚款、没收有金额 / only fines and confiscations have amounts");
        }
    }
}
