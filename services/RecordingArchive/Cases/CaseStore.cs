using System.Text.Json;
using Longshan.Platform.Data;

namespace Longshan.RecordingArchive.Cases;

/// <summary>A case file as stored.</summary>
public sealed class CaseRow
{
    public Guid CaseId { get; set; }
    public string AgencyCode { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public string Category { get; set; } = "";
    public string PartyKind { get; set; } = "";
    public string PartyName { get; set; } = "";
    public string Stage { get; set; } = "";
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public string Officers { get; set; } = "[]";
    public bool IsMajor { get; set; }
    public string Activities { get; set; } = "[]";
    public string Status { get; set; } = "";
    public string Retention { get; set; } = "";
    public DateTimeOffset? ArchivedAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public IReadOnlyList<string> OfficerList => JsonSerializer.Deserialize<List<string>>(Officers) ?? [];

    public IReadOnlyList<string> ActivityList => JsonSerializer.Deserialize<List<string>>(Activities) ?? [];

    public bool IsSealed => Status == CaseVocabulary.Archived;
}

/// <summary>What a record carries beyond its columns (JSON in <c>details</c>).</summary>
public sealed record RecordDetails(
    IReadOnlyList<string> Officers, IReadOnlyList<string> CertificatesShown, IReadOnlyList<string> RightsExplained, AudioVideoDetails? AudioVideo);

public sealed record AudioVideoDetails(
    string DeviceId, string Activity, string StartedAt, string EndedAt, string Place, IReadOnlyList<InterruptionDetails> Interruptions);

public sealed record InterruptionDetails(string At, string ResumedAt, string Reason);

/// <summary>A record as stored.</summary>
public sealed class RecordRow
{
    public Guid RecordId { get; set; }
    public Guid CaseId { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly OccurredOn { get; set; }
    public Guid? EvidenceId { get; set; }
    public string? EvidenceSha256 { get; set; }
    public string Author { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
    public string Details { get; set; } = "{}";
    public Guid? CorrectsRecordId { get; set; }

    public RecordDetails DetailsValue => JsonSerializer.Deserialize<RecordDetails>(Details, CaseStore.Json) ?? new RecordDetails([], [], [], null);
}

/// <summary><c>case_files</c> and <c>case_records</c>.</summary>
public sealed class CaseStore
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    const string CaseColumns =
        """
        case_id AS CaseId, agency_code AS AgencyCode, case_number AS CaseNumber, category AS Category, party_kind AS PartyKind,
        party_name AS PartyName, stage AS Stage, opened_on AS OpenedOn, closed_on AS ClosedOn, officers AS Officers, is_major AS IsMajor,
        activities AS Activities, status AS Status, retention AS Retention, archived_at AS ArchivedAt, created_at AS CreatedAt
        """;

    static readonly SqlStatement InsertCase = SqlStatement.Portable(
        """
        INSERT INTO case_files (case_id, agency_code, case_number, category, party_kind, party_name, stage, opened_on, closed_on, officers,
            is_major, activities, status, retention, archived_at, created_at)
        VALUES (@CaseId, @AgencyCode, @CaseNumber, @Category, @PartyKind, @PartyName, @Stage, @OpenedOn, @ClosedOn, @Officers,
            @IsMajor, @Activities, @Status, @Retention, @ArchivedAt, @CreatedAt)
        """);

    static readonly SqlStatement SelectCase = SqlStatement.Portable($"SELECT {CaseColumns} FROM case_files WHERE case_id = @caseId");

    static readonly SqlStatement SelectByNumber = SqlStatement.Portable(
        $"SELECT {CaseColumns} FROM case_files WHERE agency_code = @agencyCode AND case_number = @caseNumber");

    static readonly SqlStatement PageCases = new(
        $"SELECT {CaseColumns} FROM case_files WHERE agency_code = @agencyCode AND case_number > @after ORDER BY case_number LIMIT @fetch",
        $"SELECT TOP (@fetch) {CaseColumns} FROM dbo.case_files WHERE agency_code = @agencyCode AND case_number > @after ORDER BY case_number");

    static readonly SqlStatement UpdateStage = SqlStatement.Portable(
        "UPDATE case_files SET stage = @stage WHERE case_id = @caseId AND status = 'open'");

    static readonly SqlStatement Seal = SqlStatement.Portable(
        """
        UPDATE case_files SET status = 'archived', closed_on = @closedOn, retention = @retention, archived_at = @archivedAt
        WHERE case_id = @caseId AND status = 'open'
        """);

    static readonly SqlStatement InsertRecord = SqlStatement.Portable(
        """
        INSERT INTO case_records (record_id, case_id, kind, title, occurred_on, evidence_id, author, author_name, recorded_at, details, corrects_record_id)
        VALUES (@RecordId, @CaseId, @Kind, @Title, @OccurredOn, @EvidenceId, @Author, @AuthorName, @RecordedAt, @Details, @CorrectsRecordId)
        """);

    static readonly SqlStatement SelectRecords = SqlStatement.Portable(
        """
        SELECT r.record_id AS RecordId, r.case_id AS CaseId, r.kind AS Kind, r.title AS Title, r.occurred_on AS OccurredOn,
               r.evidence_id AS EvidenceId, e.sha256 AS EvidenceSha256, r.author AS Author, r.author_name AS AuthorName,
               r.recorded_at AS RecordedAt, r.details AS Details, r.corrects_record_id AS CorrectsRecordId
        FROM case_records r LEFT JOIN evidence e ON e.evidence_id = r.evidence_id
        WHERE r.case_id = @caseId ORDER BY r.sequence
        """);

    static readonly SqlStatement CasesOfEvidence = SqlStatement.Portable(
        $"SELECT {CaseColumns} FROM case_files WHERE case_id IN (SELECT case_id FROM case_records WHERE evidence_id = @evidenceId)");

    public Task InsertAsync(DbSession session, CaseRow row) => session.ExecuteAsync(InsertCase, row);

    public Task<CaseRow?> FindAsync(DbSession session, Guid caseId) => session.SingleOrDefaultAsync<CaseRow>(SelectCase, new { caseId });

    public Task<CaseRow?> FindByNumberAsync(DbSession session, string agencyCode, string caseNumber) =>
        session.SingleOrDefaultAsync<CaseRow>(SelectByNumber, new { agencyCode, caseNumber });

    /// <summary>The agency's cases by case number, after <paramref name="after"/>.</summary>
    public Task<IReadOnlyList<CaseRow>> PageAsync(DbSession session, string agencyCode, string after, int fetch) =>
        session.ListAsync<CaseRow>(PageCases, new { agencyCode, after, fetch });

    /// <summary>Moves an open case's stage; false when the case was sealed meanwhile.</summary>
    public async Task<bool> SetStageAsync(DbSession session, Guid caseId, string stage) =>
        await session.ExecuteAsync(UpdateStage, new { caseId, stage }) == 1;

    public async Task<bool> SealAsync(DbSession session, Guid caseId, DateOnly closedOn, string retention, DateTimeOffset archivedAt) =>
        await session.ExecuteAsync(Seal, new { caseId, closedOn, retention, archivedAt }) == 1;

    public Task InsertRecordAsync(DbSession session, RecordRow row) => session.ExecuteAsync(InsertRecord, row);

    public Task<IReadOnlyList<RecordRow>> RecordsAsync(DbSession session, Guid caseId) => session.ListAsync<RecordRow>(SelectRecords, new { caseId });

    /// <summary>The cases whose records hold <paramref name="evidenceId"/>.</summary>
    public Task<IReadOnlyList<CaseRow>> CasesOfEvidenceAsync(DbSession session, Guid evidenceId) =>
        session.ListAsync<CaseRow>(CasesOfEvidence, new { evidenceId });
}
