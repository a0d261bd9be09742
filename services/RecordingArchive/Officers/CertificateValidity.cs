namespace Longshan.RecordingArchive.Officers;

/// <summary>One version of an officer's certificate as learned from Publicity's events.</summary>
/// <param name="State">active, suspended or revoked (expiry follows from the dates).</param>
/// <param name="EffectiveOn">County day the version took effect (the event's day).</param>
public sealed record CertificateVersion(int Version, string State, DateOnly ValidFrom, DateOnly ValidTo, DateOnly EffectiveOn);

/// <summary>
/// Whether a certificate was valid on a day, pure. 《行政处罚法》第四十二条 (two officers with enforcement certificates)
/// and 第五十五条 (show the certificate): a certificate counts on a day when, by the version in force that day, it was
/// neither suspended (暂扣) nor revoked (吊销) and the day lies within its validity dates. The version in force is the
/// latest taking effect on or before the day; before the first event the first version's dates apply (the province
/// issued the certificate before the platform learned of it).
/// </summary>
public static class CertificateValidity
{
    public const string Active = "active";
    public const string Suspended = "suspended";
    public const string Revoked = "revoked";

    public static bool IsValidOn(IReadOnlyCollection<CertificateVersion> versions, DateOnly day)
    {
        if (versions.Count == 0) return false;
        var inForce = versions.Where(v => v.EffectiveOn <= day).MaxBy(v => v.Version) ?? versions.MinBy(v => v.Version)!;
        return inForce.State == Active && inForce.ValidFrom <= day && day <= inForce.ValidTo;
    }

    /// <summary>The state after a change named in OfficerCertificateChanged (renewed, suspended, reinstated, revoked).</summary>
    public static string StateAfter(string change) => change switch
    {
        "suspended" => Suspended,
        "revoked" => Revoked,
        _ => Active,
    };
}
