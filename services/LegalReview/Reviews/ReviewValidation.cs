using System.Security.Cryptography;
using System.Text;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;

namespace Longshan.LegalReview.Reviews;

/// <summary>Field checks of the review RPCs (InvalidArgument with field violations), before anything is read or written.</summary>
public static class ReviewValidation
{
    const int MaxText = 20_000;
    const int MaxDraft = 500_000;
    const int MaxList = 200;

    /// <summary>SHA-256 of the draft's text (UTF-8), lower-case hex — the digest the clearance is bound to.</summary>
    public static string Digest(string draftContent) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(draftContent)));

    public static FieldViolations Validate(SubmitReviewRequest request, DateOnly today)
    {
        var v = new FieldViolations().RequestId(request.RequestId)
            .Required("agency_code", request.AgencyCode)
            .Required("case_number", request.CaseNumber).MaxLength("case_number", request.CaseNumber, 100)
            .Required("agency_head", request.AgencyHead).MaxLength("agency_head", request.AgencyHead, 100);
        var opened = CountyTime.ParseDate(request.CaseOpenedOn);
        if (opened is null) v.Add("case_opened_on", "须为 YYYY-MM-DD / must be YYYY-MM-DD");
        else if (opened > today) v.Add("case_opened_on", "立案日期不能晚于今天 / cannot be in the future");
        return Materials(v, request.Materials, "materials");
    }

    public static FieldViolations Validate(AmendReviewRequest request) =>
        Materials(new FieldViolations().RequestId(request.RequestId).Required("review_id", request.ReviewId).MaxLength("note", request.Note, MaxText),
            request.Materials, "materials");

    /// <summary>The materials are well formed and the digest is the draft's SHA-256. Completeness is the reviewing body's call (受理 / 退回).</summary>
    static FieldViolations Materials(FieldViolations v, ReviewMaterials? m, string field)
    {
        if (m is null) return v.Add(field, "必填 / required");
        v.Required($"{field}.draft_content", m.DraftContent).MaxLength($"{field}.draft_content", m.DraftContent, MaxDraft)
            .Required($"{field}.draft_digest", m.DraftDigest)
            .Required($"{field}.facts", m.Facts).MaxLength($"{field}.facts", m.Facts, MaxText)
            .Required($"{field}.discretion", m.Discretion).MaxLength($"{field}.discretion", m.Discretion, MaxText)
            .Required($"{field}.handling_unit", m.HandlingUnit).MaxLength($"{field}.handling_unit", m.HandlingUnit, 200);
        if (!string.IsNullOrEmpty(m.DraftContent) && !string.IsNullOrEmpty(m.DraftDigest)
            && !string.Equals(m.DraftDigest.Trim(), Digest(m.DraftContent), StringComparison.OrdinalIgnoreCase))
            v.Add($"{field}.draft_digest", "不是草案内容（UTF-8）的 SHA-256 / is not the SHA-256 of draft_content (UTF-8)");
        if (m.Party is null || m.Party.Kind == PartyKind.Unspecified) v.Add($"{field}.party.kind", "必填 / required");
        if (m.Party is not null) v.Required($"{field}.party.name", m.Party.Name).MaxLength($"{field}.party.name", m.Party.Name, 200)
            .MaxLength($"{field}.party.identifier", m.Party.Identifier, 18);
        List(v, $"{field}.evidence_refs", m.EvidenceRefs, 1, 200);
        List(v, $"{field}.legal_basis", m.LegalBasis, 1, 500);
        // 《行政处罚法》第四十二条: at least two officers handle the case.
        List(v, $"{field}.responsible_officers", m.ResponsibleOfficers, 2, 100);
        return v;
    }

    static void List(FieldViolations v, string field, IReadOnlyCollection<string> items, int min, int maxLength)
    {
        if (items.Count < min) v.Add(field, $"至少 {min} 项 / at least {min} entries");
        if (items.Count > MaxList) v.Add(field, $"至多 {MaxList} 项 / at most {MaxList} entries");
        else if (items.Any(string.IsNullOrWhiteSpace)) v.Add(field, "不能有空项 / no empty entries");
        else if (items.Any(i => i.Length > maxLength)) v.Add(field, $"每项长度不得超过 {maxLength} / each at most {maxLength} characters");
    }

    public static FieldViolations Step(string requestId, string reviewId) =>
        new FieldViolations().RequestId(requestId).Required("review_id", reviewId).MaxLength("review_id", reviewId, 64);

    public static FieldViolations Text(FieldViolations v, string field, string value, bool required) =>
        (required ? v.Required(field, value) : v).MaxLength(field, value, MaxText);

    public static FieldViolations Items(FieldViolations v, string field, IReadOnlyCollection<string> items, int min)
    {
        List(v, field, items, min, 500);
        return v;
    }
}
