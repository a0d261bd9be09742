using Longshan.Contracts.Publicity.V1;

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
}
