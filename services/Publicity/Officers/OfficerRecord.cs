using Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Officers;

/// <summary>The stored state of a certificate: what the issuing authority decided. Expiry is not a state, it is a date.</summary>
public enum CertificateState
{
    Active,
    /// <summary>暂扣 — suspended until reinstated.</summary>
    Suspended,
    /// <summary>吊销 — revoked; final.</summary>
    Revoked,
}

/// <summary>执法人员 — an officer with the enforcement certificate (执法证) the province issued.</summary>
public sealed record OfficerRecord(
    Guid OfficerId,
    string AgencyCode,
    string Name,
    string CertificateNumber,
    CertificateKind Kind,
    string IssuingBody,
    DateOnly ValidFrom,
    DateOnly ValidTo,
    IReadOnlyList<string> Areas,
    CertificateState State,
    string StateReason,
    int Version)
{
    /// <summary>The status anyone sees on <paramref name="day"/> (county date).</summary>
    public CertificateStatus StatusOn(DateOnly day) => CertificateLifecycle.StatusOn(State, ValidFrom, ValidTo, day);
}
