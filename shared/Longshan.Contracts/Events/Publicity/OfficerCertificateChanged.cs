namespace Longshan.Contracts.Events.Publicity;

/// <summary>
/// 执法证变更 — an officer's certificate was renewed, suspended (暂扣), reinstated or revoked (吊销).
/// Exchange <c>longshan.publicity.officer-certificate-changed.v1</c>. <see cref="IntegrationEvent.AgencyCode"/>
/// is the officer's agency. Expiry is not an event: it follows from <see cref="ValidTo"/>.
/// </summary>
[EventContract("publicity", "OfficerCertificateChanged", 1)]
public sealed record OfficerCertificateChanged : IntegrationEvent
{
    public required Guid OfficerId { get; init; }

    /// <summary>
    /// The certificate record's version after this change: 1 when issued, one more with each change. The outbox does
    /// not promise order: keep the event with the highest version per <see cref="OfficerId"/>.
    /// </summary>
    public int Version { get; init; }

    public required string CertificateNumber { get; init; }

    /// <summary>renewed, suspended, reinstated or revoked.</summary>
    public required string Change { get; init; }

    /// <summary>The status after the change on the county day of the event: valid, suspended, revoked or expired.</summary>
    public required string Status { get; init; }

    /// <summary>The reason given (required for suspension and revocation); may be empty otherwise.</summary>
    public required string Reason { get; init; }

    public required DateOnly ValidFrom { get; init; }

    public required DateOnly ValidTo { get; init; }
}
