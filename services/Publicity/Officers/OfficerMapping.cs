using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Identifiers;
using Event = Longshan.Contracts.Events.Publicity;

namespace Longshan.Publicity.Officers;

/// <summary>Between requests, stored records, gRPC messages and events. Pure: no I/O.</summary>
public static class OfficerMapping
{
    public static OfficerRecord ToRecord(IssueCertificateRequest request, Guid officerId) => new(
        officerId,
        UnifiedSocialCreditCode.Normalize(request.AgencyCode),
        request.Name.Trim(),
        CertificateNumberFormat.Normalize(request.CertificateNumber),
        request.Kind,
        request.IssuingBody.Trim(),
        CountyTime.Date(request.ValidFrom),
        CountyTime.Date(request.ValidTo),
        request.Areas.Select(a => a.Trim()).ToList(),
        CertificateState.Active,
        "",
        1);

    public static Officer ToOfficer(OfficerRecord officer, DateOnly today) => new()
    {
        OfficerId = officer.OfficerId.ToString("D"),
        AgencyCode = officer.AgencyCode,
        Name = officer.Name,
        Certificate = new Certificate
        {
            Number = officer.CertificateNumber,
            Kind = officer.Kind,
            IssuingBody = officer.IssuingBody,
            ValidFrom = CountyTime.Format(officer.ValidFrom),
            ValidTo = CountyTime.Format(officer.ValidTo),
            Areas = { officer.Areas },
            Status = officer.StatusOn(today),
            StatusReason = officer.StateReason,
        },
    };

    /// <summary>The issue of the certificate, from the record as inserted (version 1).</summary>
    public static Event.OfficerCertified ToCertifiedEvent(OfficerRecord officer, DateOnly today, Guid eventId, DateTimeOffset occurredAt) => new()
    {
        EventId = eventId,
        OccurredAt = occurredAt,
        AgencyCode = officer.AgencyCode,
        OfficerId = officer.OfficerId,
        Version = officer.Version,
        Name = officer.Name,
        CertificateNumber = officer.CertificateNumber,
        CertificateKind = KindName(officer.Kind)!,
        IssuingBody = officer.IssuingBody,
        ValidFrom = officer.ValidFrom,
        ValidTo = officer.ValidTo,
        Areas = officer.Areas,
        Status = StatusName(officer.StatusOn(today)),
    };

    /// <summary>A change of the certificate, from the record as stored by it (<see cref="OfficerStore.UpdateAsync"/>: the version after the change).</summary>
    public static Event.OfficerCertificateChanged ToChangedEvent(
        OfficerRecord officer, CertificateChange change, string reason, DateOnly today, Guid eventId, DateTimeOffset occurredAt) => new()
    {
        EventId = eventId,
        OccurredAt = occurredAt,
        AgencyCode = officer.AgencyCode,
        OfficerId = officer.OfficerId,
        Version = officer.Version,
        CertificateNumber = officer.CertificateNumber,
        Change = change.ToString().ToLowerInvariant(),
        Status = StatusName(officer.StatusOn(today)),
        Reason = reason,
        ValidFrom = officer.ValidFrom,
        ValidTo = officer.ValidTo,
    };

    /// <summary>The stable name of a kind in events and storage.</summary>
    public static string? KindName(CertificateKind kind) => kind switch
    {
        CertificateKind.Enforcement => "enforcement",
        CertificateKind.Sector => "sector",
        CertificateKind.Supervision => "supervision",
        _ => null,
    };

    public static CertificateKind KindFromName(string name) =>
        Enum.GetValues<CertificateKind>().FirstOrDefault(k => KindName(k) == name);

    public static string StatusName(CertificateStatus status) => status switch
    {
        CertificateStatus.Valid => "valid",
        CertificateStatus.Suspended => "suspended",
        CertificateStatus.Revoked => "revoked",
        CertificateStatus.Expired => "expired",
        CertificateStatus.NotYetValid => "not-yet-valid",
        _ => "unspecified",
    };

    public static string StateName(CertificateState state) => state.ToString().ToLowerInvariant();

    public static CertificateState StateFromName(string name) => Enum.Parse<CertificateState>(name, ignoreCase: true);
}
