using Longshan.Contracts.Publicity.V1;
using Longshan.Contracts.Rules;

namespace Longshan.Publicity.Officers;

/// <summary>A change an agency makes to a certificate; each is an <c>OfficerCertificateChanged</c> event.</summary>
public enum CertificateChange { Renewed, Suspended, Reinstated, Revoked }

/// <summary>A rule that forbids a change now (→ FailedPrecondition naming <see cref="Rule"/>).</summary>
public sealed record Refusal(Rule Rule, string Description);

/// <summary>
/// 执法证管理 — the certificate's status and which changes are allowed. Only holders of a valid certificate may
/// enforce (《行政处罚法》第四十二条: 具有行政执法资格的执法人员) and must show it (第五十五条: 出示执法证件);
/// suspension (暂扣) and revocation (吊销) follow the province's certificate management measures
/// (行政执法证件管理办法), under which a revoked certificate is never restored. Pure: no I/O.
/// </summary>
public static class CertificateLifecycle
{
    /// <summary>
    /// Revoked is final and shown first; then a lapsed period shows as expired (reinstating it would not make it
    /// valid); then a suspension. Expiry follows the date alone: nobody sets it.
    /// </summary>
    public static CertificateStatus StatusOn(CertificateState state, DateOnly validFrom, DateOnly validTo, DateOnly day) => state switch
    {
        CertificateState.Revoked => CertificateStatus.Revoked,
        _ when day > validTo => CertificateStatus.Expired,
        _ when day < validFrom => CertificateStatus.NotYetValid,
        CertificateState.Suspended => CertificateStatus.Suspended,
        _ => CertificateStatus.Valid,
    };

    /// <summary>Why <paramref name="change"/> is not allowed from <paramref name="state"/>; null when it is.</summary>
    public static Refusal? Refuse(CertificateState state, CertificateChange change) => (state, change) switch
    {
        // 行政执法证件管理办法 (provincial): 吊销 is final — no renewal, reinstatement or second revocation.
        (CertificateState.Revoked, _) => new Refusal(RuleCatalog.CertificateRevocationIsFinal,
            "执法证已吊销，不得续期、恢复或再次吊销 / the certificate is revoked: it cannot be renewed, reinstated or revoked again"),
        (CertificateState.Suspended, CertificateChange.Suspended) => new Refusal(RuleCatalog.CertificateAlreadySuspended,
            "执法证已被暂扣 / the certificate is already suspended"),
        (CertificateState.Active, CertificateChange.Reinstated) => new Refusal(RuleCatalog.CertificateNotSuspended,
            "执法证未被暂扣，无需恢复 / the certificate is not suspended"),
        _ => null,
    };

    /// <summary>The certificate after <paramref name="change"/>; call only when <see cref="Refuse"/> gave null.</summary>
    public static OfficerRecord Apply(OfficerRecord officer, CertificateChange change, string reason, DateOnly? validFrom = null, DateOnly? validTo = null) =>
        change switch
        {
            // A renewal gives a new period; a suspension in force stays in force.
            CertificateChange.Renewed => officer with { ValidFrom = validFrom!.Value, ValidTo = validTo!.Value },
            CertificateChange.Suspended => officer with { State = CertificateState.Suspended, StateReason = reason },
            CertificateChange.Reinstated => officer with { State = CertificateState.Active, StateReason = "" },
            CertificateChange.Revoked => officer with { State = CertificateState.Revoked, StateReason = reason },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, null),
        };
}
