using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;

namespace Longshan.Publicity.Officers;

/// <summary>Validation of the officer RPCs' requests, before anything is read or written. Pure: no I/O.</summary>
public static class CertificateRequests
{
    public const int MaxNameLength = 50;
    public const int MaxBodyLength = 200;
    public const int MaxReasonLength = 500;
    public const int MaxAreas = 20;
    public const int MaxAreaLength = 100;

    public static FieldViolations Validate(IssueCertificateRequest request, CertificateNumberFormat format, DateOnly today)
    {
        var violations = RequestId(new FieldViolations(), request.RequestId)
            .Required("name", request.Name).MaxLength("name", request.Name.Trim(), MaxNameLength)
            .Required("issuing_body", request.IssuingBody).MaxLength("issuing_body", request.IssuingBody.Trim(), MaxBodyLength);
        if (UnifiedSocialCreditCode.Validate(UnifiedSocialCreditCode.Normalize(request.AgencyCode)) is { } codeError) violations.Add("agency_code", codeError);
        if (format.Validate(CertificateNumberFormat.Normalize(request.CertificateNumber)) is { } numberError) violations.Add("certificate_number", numberError);
        if (OfficerMapping.KindName(request.Kind) is null) violations.Add("kind", "执法证件类别未指定或未知 / kind is unspecified or unknown");
        Areas(violations, request.Areas);
        return Period(violations, request.ValidFrom, request.ValidTo, today);
    }

    public static FieldViolations Validate(RenewCertificateRequest request, DateOnly today) =>
        Period(Number(RequestId(new FieldViolations(), request.RequestId), request.CertificateNumber), request.ValidFrom, request.ValidTo, today);

    /// <summary>Suspension and revocation must say why (the reason is disclosed to the agency's supervisors); reinstatement may.</summary>
    public static FieldViolations ValidateChange(string requestId, string certificateNumber, string reason, bool reasonRequired)
    {
        var violations = Number(RequestId(new FieldViolations(), requestId), certificateNumber).MaxLength("reason", reason.Trim(), MaxReasonLength);
        return reasonRequired ? violations.Required("reason", reason) : violations;
    }

    public static FieldViolations Validate(ListOfficersRequest request)
    {
        var violations = new FieldViolations();
        if (UnifiedSocialCreditCode.Validate(UnifiedSocialCreditCode.Normalize(request.AgencyCode)) is { } error) violations.Add("agency_code", error);
        return violations;
    }

    /// <summary>
    /// The validity period: both dates YYYY-MM-DD; valid_from is the date of a legal act (issue or renewal) and so
    /// not in the future (DESIGN: dates of legal acts in the future are rejected); valid_to after valid_from.
    /// </summary>
    public static FieldViolations Period(FieldViolations violations, string validFrom, string validTo, DateOnly today)
    {
        var hasFrom = CountyTime.TryParseDate(validFrom, out var from);
        var hasTo = CountyTime.TryParseDate(validTo, out var to);
        if (!hasFrom) violations.Add("valid_from", "须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD");
        else if (from > today) violations.Add("valid_from", "不得晚于今天 / must not be in the future");
        if (!hasTo) violations.Add("valid_to", "须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD");
        else if (hasFrom && to <= from) violations.Add("valid_to", "须晚于 valid_from / must be after valid_from");
        return violations;
    }

    static FieldViolations RequestId(FieldViolations violations, string requestId) =>
        violations.RequestId(requestId);

    static FieldViolations Number(FieldViolations violations, string number) =>
        violations.Required("certificate_number", number).MaxLength("certificate_number", number.Trim(), 64);

    static void Areas(FieldViolations violations, IReadOnlyList<string> areas)
    {
        // 118号: the officer's enforcement area (执法区域/类别) is part of the ex-ante disclosure.
        if (areas.Count == 0) violations.Add("areas", "至少填写一个执法区域 / at least one enforcement area");
        if (areas.Count > MaxAreas) violations.Add("areas", $"至多 {MaxAreas} 个 / at most {MaxAreas}");
        for (var i = 0; i < areas.Count; i++)
            violations.Required($"areas[{i}]", areas[i]).MaxLength($"areas[{i}]", areas[i].Trim(), MaxAreaLength);
    }
}
