namespace Longshan.Contracts.Events.Archive;

/// <summary>
/// 案卷已调阅 — a case or one of its files was read through a retrieval (调阅): another agency's case or an archived one.
/// Exchange <c>longshan.archive.record-retrieved.v1</c>. <see cref="IntegrationEvent.AgencyCode"/> is the agency owning
/// the case; the reader is a person id from the token (no name).
/// </summary>
[EventContract("archive", "RecordRetrieved", 1)]
public sealed record RecordRetrieved : IntegrationEvent
{
    public required Guid RetrievalId { get; init; }

    public required Guid CaseId { get; init; }

    /// <summary>case, or evidence:&lt;evidence id&gt;.</summary>
    public required string Target { get; init; }

    /// <summary>The reader's person id (token <c>sub</c>).</summary>
    public required string ReadBy { get; init; }

    public required string ReaderAgencyCode { get; init; }

    /// <summary>The person who approved the retrieval; null when the owning agency needs no approval.</summary>
    public string? ApprovedBy { get; init; }

    public required DateOnly ReadOn { get; init; }
}
