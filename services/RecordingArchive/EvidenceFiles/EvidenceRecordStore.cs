using Longshan.Platform.Data;

namespace Longshan.RecordingArchive.EvidenceFiles;

/// <summary>A completed upload as stored.</summary>
public sealed class EvidenceRow
{
    public Guid EvidenceId { get; set; }
    public string AgencyCode { get; set; } = "";
    public string RequestId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string MediaType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string Sm3 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>An unfinished upload's declared metadata (its bytes are in the <see cref="IEvidenceStore"/>).</summary>
public sealed class UploadSessionRow
{
    public string AgencyCode { get; set; } = "";
    public string RequestId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string MediaType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string StartedBy { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
}

/// <summary><c>evidence</c>, <c>evidence_files</c> and <c>upload_sessions</c>.</summary>
public sealed class EvidenceRecordStore
{
    const string EvidenceColumns =
        """
        e.evidence_id AS EvidenceId, e.agency_code AS AgencyCode, e.request_id AS RequestId, e.file_name AS FileName,
        e.media_type AS MediaType, e.size AS Size, e.sha256 AS Sha256, f.sm3 AS Sm3, e.uploaded_by AS UploadedBy, e.uploaded_at AS UploadedAt
        """;

    static readonly SqlStatement SelectById = SqlStatement.Portable(
        $"SELECT {EvidenceColumns} FROM evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.evidence_id = @evidenceId");

    static readonly SqlStatement SelectByRequest = SqlStatement.Portable(
        $"SELECT {EvidenceColumns} FROM evidence e JOIN evidence_files f ON f.sha256 = e.sha256 WHERE e.agency_code = @agencyCode AND e.request_id = @requestId");

    static readonly SqlStatement InsertFile = new(
        "INSERT OR IGNORE INTO evidence_files (sha256, sm3, size, stored_at) VALUES (@sha256, @sm3, @size, @storedAt)",
        """
        INSERT INTO dbo.evidence_files (sha256, sm3, size, stored_at)
        SELECT @sha256, @sm3, @size, @storedAt
        WHERE NOT EXISTS (SELECT 1 FROM dbo.evidence_files WITH (UPDLOCK, HOLDLOCK) WHERE sha256 = @sha256)
        """);

    static readonly SqlStatement InsertEvidence = SqlStatement.Portable(
        """
        INSERT INTO evidence (evidence_id, agency_code, request_id, file_name, media_type, size, sha256, uploaded_by, uploaded_at)
        VALUES (@EvidenceId, @AgencyCode, @RequestId, @FileName, @MediaType, @Size, @Sha256, @UploadedBy, @UploadedAt)
        """);

    static readonly SqlStatement FileExists = SqlStatement.Portable("SELECT COUNT(*) FROM evidence_files WHERE sha256 = @sha256");

    static readonly SqlStatement SelectSession = SqlStatement.Portable(
        """
        SELECT agency_code AS AgencyCode, request_id AS RequestId, file_name AS FileName, media_type AS MediaType, size AS Size,
               sha256 AS Sha256, started_by AS StartedBy, started_at AS StartedAt
        FROM upload_sessions WHERE agency_code = @agencyCode AND request_id = @requestId
        """);

    static readonly SqlStatement InsertSession = SqlStatement.Portable(
        """
        INSERT INTO upload_sessions (agency_code, request_id, file_name, media_type, size, sha256, started_by, started_at)
        VALUES (@AgencyCode, @RequestId, @FileName, @MediaType, @Size, @Sha256, @StartedBy, @StartedAt)
        """);

    static readonly SqlStatement DeleteSession = SqlStatement.Portable(
        "DELETE FROM upload_sessions WHERE agency_code = @agencyCode AND request_id = @requestId");

    public Task<EvidenceRow?> FindAsync(DbSession session, Guid evidenceId) =>
        session.SingleOrDefaultAsync<EvidenceRow>(SelectById, new { evidenceId });

    public Task<EvidenceRow?> FindByRequestAsync(DbSession session, string agencyCode, string requestId) =>
        session.SingleOrDefaultAsync<EvidenceRow>(SelectByRequest, new { agencyCode, requestId });

    public async Task<bool> FileKnownAsync(DbSession session, string sha256) =>
        await session.ScalarAsync<long>(FileExists, new { sha256 }) > 0;

    /// <summary>Stores the evidence row, and the file's row unless that content is already known.</summary>
    public async Task InsertAsync(DbSession session, EvidenceRow row)
    {
        await session.ExecuteAsync(InsertFile, new { sha256 = row.Sha256, sm3 = row.Sm3, size = row.Size, storedAt = row.UploadedAt });
        await session.ExecuteAsync(InsertEvidence, row);
    }

    public Task<UploadSessionRow?> FindSessionAsync(DbSession session, string agencyCode, string requestId) =>
        session.SingleOrDefaultAsync<UploadSessionRow>(SelectSession, new { agencyCode, requestId });

    public Task InsertSessionAsync(DbSession session, UploadSessionRow row) => session.ExecuteAsync(InsertSession, row);

    public Task DeleteSessionAsync(DbSession session, string agencyCode, string requestId) =>
        session.ExecuteAsync(DeleteSession, new { agencyCode, requestId });
}
