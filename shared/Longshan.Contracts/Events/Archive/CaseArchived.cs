namespace Longshan.Contracts.Events.Archive;

/// <summary>
/// 案卷已归档 — a case file met its completeness rules and was sealed; from now on it never changes (corrections are
/// new records referencing it). Exchange <c>longshan.archive.case-archived.v1</c>. <see cref="IntegrationEvent.AgencyCode"/>
/// is the agency owning the case.
/// </summary>
[EventContract("archive", "CaseArchived", 1)]
public sealed record CaseArchived : IntegrationEvent
{
    public required Guid CaseId { get; init; }

    /// <summary>案号, normalised (brackets 〔〕, no spaces).</summary>
    public required string CaseNumber { get; init; }

    /// <summary>permit, penalty, coercion, levy, requisition, inspection, payment, confirmation, award, ruling or other.</summary>
    public required string Category { get; init; }

    public required bool IsMajor { get; init; }

    public required DateOnly OpenedOn { get; init; }

    public required DateOnly ClosedOn { get; init; }

    /// <summary>permanent, 30-years or 10-years.</summary>
    public required string Retention { get; init; }

    public required int RecordCount { get; init; }

    /// <summary>SHA-256 (hex) of the sealed case's manifest (the case and every record with its file's hash), as in the archive log.</summary>
    public required string ManifestSha256 { get; init; }

    /// <summary>SM3 (hex, GB/T 32905) of the same manifest.</summary>
    public required string ManifestSm3 { get; init; }
}
