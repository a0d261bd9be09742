namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 执法主体已登记 — an enforcement body was registered on the platform.
/// Exchange <c>longshan.publicity.agency-registered.v1</c>. <see cref="IntegrationEvent.AgencyCode"/> is the
/// registered agency's credit code.
/// </summary>
[EventContract("publicity", "AgencyRegistered", 1)]
public sealed record AgencyRegistered : IntegrationEvent
{
    public required string Name { get; init; }

    /// <summary>county-department, township, authorised-organisation or entrusted-organisation.</summary>
    public required string Kind { get; init; }

    public required IReadOnlyList<RemedyChannel> RemedyChannels { get; init; }

    /// <summary>
    /// 委托行政机关: for an entrusted organisation (受委托组织, 《行政处罚法》第二十条) the agency in whose name it acts; null
    /// otherwise. Joined v1 later (additive). A later entrustment of the same organisation raises no new event.
    /// </summary>
    public string? EntrustingAgencyCode { get; init; }
}

/// <summary>救济渠道 — kind is reconsideration (行政复议) or litigation (行政诉讼).</summary>
public sealed record RemedyChannel(string Kind, string Body, string Contact);
