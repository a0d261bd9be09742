namespace Longshan.Platform.Identity;

/// <summary>Claims in an agency's bearer token.</summary>
public static class Claims
{
    /// <summary>The calling agency's 统一社会信用代码.</summary>
    public const string Agency = "agency";

    public const string Role = "role";
}

public static class Roles
{
    /// <summary>An agency's case-handling system (办案系统): writes its own agency's data.</summary>
    public const string Agency = "agency";

    /// <summary>The county justice bureau (县司法局): registers agencies, supervises.</summary>
    public const string CountyAdmin = "county-admin";

    /// <summary>The county big-data center (县大数据中心): read-only.</summary>
    public const string DataCenter = "data-center";

    public static readonly string[] All = [Agency, CountyAdmin, DataCenter];
}

public static class Policies
{
    /// <summary>Any write: an agency system or the county administrator. Which agency's data is checked per call.</summary>
    public const string Write = "write";

    /// <summary>Non-public reads: any authenticated caller.</summary>
    public const string Read = "read";
}
