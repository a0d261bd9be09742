using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Decisions;
using DecisionCategory = Longshan.Publicity.Decisions.DecisionCategory;

namespace Longshan.Publicity.Portal;

/// <summary>Chinese labels for values shown on the portal.</summary>
public static class PortalText
{
    public static string AgencyKind(AgencyKind kind) => kind switch
    {
        Contracts.Publicity.V1.AgencyKind.CountyDepartment => "县直部门",
        Contracts.Publicity.V1.AgencyKind.Township => "乡镇（街道）",
        Contracts.Publicity.V1.AgencyKind.AuthorisedOrganisation => "法律法规授权组织",
        Contracts.Publicity.V1.AgencyKind.EntrustedOrganisation => "受委托组织",
        _ => "其他",
    };

    public static string Remedy(RemedyKind kind) => kind switch
    {
        RemedyKind.Reconsideration => "行政复议",
        RemedyKind.Litigation => "行政诉讼",
        _ => "其他",
    };

    public static string Category(DecisionCategory category) => category switch
    {
        DecisionCategory.Permit => "行政许可",
        DecisionCategory.Penalty => "行政处罚",
        DecisionCategory.Coercion => "行政强制",
        DecisionCategory.Levy => "行政征收",
        DecisionCategory.Requisition => "行政征用",
        DecisionCategory.Inspection => "行政检查",
        DecisionCategory.Payment => "行政给付",
        DecisionCategory.Confirmation => "行政确认",
        DecisionCategory.Award => "行政奖励",
        DecisionCategory.Ruling => "行政裁决",
        _ => "其他行政执法行为",
    };

    public static string Category(PowerCategory category) =>
        PowerList.PowerItemNames.ToDomain(category) is { } domain ? Category(domain) : "其他行政执法行为";

    public static string ChangeReason(PowerItemChangeReason reason) => reason switch
    {
        PowerItemChangeReason.Initial => "首次公布",
        PowerItemChangeReason.LawAmended => "法律法规修订",
        PowerItemChangeReason.MandateChanged => "机构职能调整",
        PowerItemChangeReason.Correction => "更正",
        _ => "其他",
    };

    public static string CertificateStatus(CertificateStatus status) => status switch
    {
        Contracts.Publicity.V1.CertificateStatus.Valid => "有效",
        Contracts.Publicity.V1.CertificateStatus.Suspended => "暂扣（不得从事执法活动）",
        Contracts.Publicity.V1.CertificateStatus.Revoked => "已吊销（不得从事执法活动）",
        Contracts.Publicity.V1.CertificateStatus.Expired => "已过期（不得从事执法活动）",
        Contracts.Publicity.V1.CertificateStatus.NotYetValid => "尚未生效",
        _ => "未知",
    };

    public static string Category(Contracts.Publicity.V1.DecisionCategory category) =>
        Decisions.DecisionNames.ToDomain(category) is { } domain ? Category(domain) : "其他行政执法行为";

    /// <summary>种类 of penalty, APL art. 9 (the Chinese names live with the kinds' one mapping, <see cref="PenaltyKinds"/>).</summary>
    public static string Penalty(Contracts.Publicity.V1.PenaltyKind kind) => PenaltyKinds.Chinese(kind);

    public static string Revocation(RevocationKind kind) => kind switch
    {
        RevocationKind.Revoked => "撤销",
        RevocationKind.Changed => "变更",
        RevocationKind.ConfirmedIllegal => "确认违法",
        RevocationKind.ConfirmedVoid => "确认无效",
        _ => "其他",
    };

    /// <summary>Money is stored in fen (分); shown in yuan (元).</summary>
    public static string Yuan(long fen) => (fen / 100m).ToString("#,##0.00") + " 元";

    /// <summary>An instant in county time (Asia/Shanghai).</summary>
    public static string CountyTime(Google.Protobuf.WellKnownTypes.Timestamp? instant) =>
        instant is null ? "" : TimeZoneInfo.ConvertTime(instant.ToDateTimeOffset(), Longshan.Platform.Calendar.CountyTime.Zone).ToString("yyyy-MM-dd HH:mm");
}
