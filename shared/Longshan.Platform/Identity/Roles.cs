namespace Longshan.Platform.Identity;

/// <summary>Claims in a bearer token.</summary>
public static class Claims
{
    /// <summary>The person (or system account) acting: a stable id from the identity provider.</summary>
    public const string Subject = "sub";

    /// <summary>The person's display name, recorded in the audit log beside the subject.</summary>
    public const string Name = "name";

    /// <summary>The agency the person acts for: its 统一社会信用代码.</summary>
    public const string Agency = "agency";

    public const string Role = "role";
}

public static class Roles
{
    /// <summary>An agency's case-handling system (办案系统): writes its own agency's data.</summary>
    public const string Agency = "agency";

    /// <summary>执法人员 — an enforcement officer of the agency: prepares records and content.</summary>
    public const string Officer = "officer";

    /// <summary>法制审核人员 — a legal reviewer (agency staff, legal adviser or public-sector lawyer).</summary>
    public const string Reviewer = "reviewer";

    /// <summary>公开审核人 — approves what the agency publishes (the second person of collect → review → publish).</summary>
    public const string Publisher = "publisher";

    /// <summary>The county justice bureau (县司法局): registers agencies, supervises, writes any agency's data.</summary>
    public const string CountyAdmin = "county-admin";

    /// <summary>The county big-data center (县大数据中心): read-only.</summary>
    public const string DataCenter = "data-center";

    public static readonly string[] All = [Agency, Officer, Reviewer, Publisher, CountyAdmin, DataCenter];

    /// <summary>Roles that write their own agency's data.</summary>
    public static readonly string[] AgencyWriters = [Agency, Officer, Reviewer, Publisher];

    /// <summary>Roles that may call a write RPC at all (which agency's data is checked per call).</summary>
    public static readonly string[] Writers = [.. AgencyWriters, CountyAdmin];
}

public static class Policies
{
    /// <summary>Any write: a person with a writing role, an agency claim and a subject. Which agency's data is checked per call.</summary>
    public const string Write = "write";

    /// <summary>Non-public reads: any authenticated caller.</summary>
    public const string Read = "read";
}
