namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 执法人员已持证登记 — an officer and the enforcement certificate (执法证) the province issued were registered.
/// Exchange <c>longshan.publicity.officer-certified.v1</c>. <see cref="IntegrationEvent.AgencyCode"/> is the
/// officer's agency. No personal ID number: the platform does not hold one.
/// </summary>
[EventContract("publicity", "OfficerCertified", 1)]
public sealed record OfficerCertified : IntegrationEvent
{
    public required Guid OfficerId { get; init; }

    /// <summary>
    /// The certificate record's version after this change: 1 when issued, one more with each change. The outbox does
    /// not promise order: keep the event with the highest version per <see cref="OfficerId"/>.
    /// </summary>
    public int Version { get; init; }

    public required string Name { get; init; }

    public required string CertificateNumber { get; init; }

    /// <summary>enforcement (行政执法证), sector (行业执法证件) or supervision (行政执法监督证).</summary>
    public required string CertificateKind { get; init; }

    public required string IssuingBody { get; init; }

    /// <summary>County calendar date, <c>YYYY-MM-DD</c>.</summary>
    public required DateOnly ValidFrom { get; init; }

    /// <summary>Last day of validity, <c>YYYY-MM-DD</c>.</summary>
    public required DateOnly ValidTo { get; init; }

    /// <summary>执法区域 / 执法类别.</summary>
    public required IReadOnlyList<string> Areas { get; init; }

    /// <summary>Status on the county day of the event: valid or expired.</summary>
    public required string Status { get; init; }
}
