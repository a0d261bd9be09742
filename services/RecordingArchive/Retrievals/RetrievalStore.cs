using Longshan.Platform.Data;

namespace Longshan.RecordingArchive.Retrievals;

/// <summary>A retrieval request (调阅申请) as stored.</summary>
public sealed class RetrievalRow
{
    public Guid RetrievalId { get; set; }
    public Guid CaseId { get; set; }
    public string AgencyCode { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public string RequesterAgency { get; set; } = "";
    public string Reason { get; set; } = "";
    public string Status { get; set; } = "";
    public string? ApprovedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }

    public bool IsApproved => Status == RetrievalStore.Approved;
}

/// <summary>One read through a retrieval, for the report.</summary>
public sealed class ReadRow
{
    public Guid RetrievalId { get; set; }
    public Guid CaseId { get; set; }
    public string CaseNumber { get; set; } = "";
    public string ReadBy { get; set; } = "";
    public string ReaderAgency { get; set; } = "";
    public string Target { get; set; } = "";
    public DateTimeOffset ReadAt { get; set; }
    public string Reason { get; set; } = "";
    public string? ApprovedBy { get; set; }
    public string? TraceId { get; set; }
}

/// <summary><c>retrievals</c> and <c>retrieval_reads</c>.</summary>
public sealed class RetrievalStore
{
    public const string Pending = "pending";
    public const string Approved = "approved";

    const string Columns =
        """
        retrieval_id AS RetrievalId, case_id AS CaseId, agency_code AS AgencyCode, requested_by AS RequestedBy,
        requester_agency AS RequesterAgency, reason AS Reason, status AS Status, approved_by AS ApprovedBy,
        requested_at AS RequestedAt, approved_at AS ApprovedAt
        """;

    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO retrievals (retrieval_id, case_id, agency_code, requested_by, requester_agency, reason, status, approved_by, requested_at, approved_at)
        VALUES (@RetrievalId, @CaseId, @AgencyCode, @RequestedBy, @RequesterAgency, @Reason, @Status, @ApprovedBy, @RequestedAt, @ApprovedAt)
        """);

    static readonly SqlStatement Select = SqlStatement.Portable($"SELECT {Columns} FROM retrievals WHERE retrieval_id = @retrievalId");

    static readonly SqlStatement Approve = SqlStatement.Portable(
        "UPDATE retrievals SET status = 'approved', approved_by = @approvedBy, approved_at = @approvedAt WHERE retrieval_id = @retrievalId AND status = 'pending'");

    static readonly SqlStatement InsertRead = SqlStatement.Portable(
        """
        INSERT INTO retrieval_reads (read_id, retrieval_id, agency_code, read_by, reader_agency, target, read_at, read_on, trace_id)
        VALUES (@readId, @retrievalId, @agencyCode, @readBy, @readerAgency, @target, @readAt, @readOn, @traceId)
        """);

    static readonly SqlStatement Report = SqlStatement.Portable(
        """
        SELECT r.retrieval_id AS RetrievalId, t.case_id AS CaseId, c.case_number AS CaseNumber, r.read_by AS ReadBy,
               r.reader_agency AS ReaderAgency, r.target AS Target, r.read_at AS ReadAt, t.reason AS Reason, t.approved_by AS ApprovedBy,
               r.trace_id AS TraceId
        FROM retrieval_reads r
        JOIN retrievals t ON t.retrieval_id = r.retrieval_id
        JOIN case_files c ON c.case_id = t.case_id
        WHERE r.agency_code = @agencyCode AND r.read_on >= @from AND r.read_on <= @to
        ORDER BY r.read_at, r.sequence
        """);

    public Task InsertAsync(DbSession session, RetrievalRow row) => session.ExecuteAsync(Insert, row);

    public Task<RetrievalRow?> FindAsync(DbSession session, Guid retrievalId) =>
        session.SingleOrDefaultAsync<RetrievalRow>(Select, new { retrievalId });

    public async Task<bool> ApproveAsync(DbSession session, Guid retrievalId, string approvedBy, DateTimeOffset approvedAt) =>
        await session.ExecuteAsync(Approve, new { retrievalId, approvedBy, approvedAt }) == 1;

    public Task InsertReadAsync(DbSession session, Guid retrievalId, string agencyCode, string readBy, string readerAgency, string target,
        DateTimeOffset readAt, DateOnly readOn, string? traceId) =>
        session.ExecuteAsync(InsertRead, new { readId = Guid.NewGuid(), retrievalId, agencyCode, readBy, readerAgency, target, readAt, readOn, traceId });

    public Task<IReadOnlyList<ReadRow>> ReportAsync(DbSession session, string agencyCode, DateOnly from, DateOnly to) =>
        session.ListAsync<ReadRow>(Report, new { agencyCode, from, to });
}
