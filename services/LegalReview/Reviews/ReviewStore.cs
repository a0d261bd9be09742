using Google.Protobuf;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Platform.Data;

namespace Longshan.LegalReview.Reviews;

/// <summary>
/// <c>review_requests</c> (state, optimistic <c>version</c>), <c>review_versions</c> (every version of the materials),
/// <c>review_findings</c> (one per check) and <c>review_steps</c> (the responsibility record, T15).
/// </summary>
public sealed class ReviewStore
{
    const string Columns =
        """
        review_id, agency_code, case_number, case_opened_on, case_deadline, complex_case, agency_head, status, version,
        materials_version, accepted_on, accepted_materials, review_due_on, extended, overdue_at, reviewer_id, reviewer_name,
        opinion, opinion_reasons, approved_digest, decided_at, missing_materials, collective_participants, collective_outcome,
        submitted_at, updated_at
        """;

    static readonly SqlStatement Insert = SqlStatement.Portable(
        $"""
        INSERT INTO review_requests ({Columns})
        VALUES (@ReviewId, @AgencyCode, @CaseNumber, @CaseOpenedOn, @CaseDeadline, @ComplexCase, @AgencyHead, @Status, @Version,
            @MaterialsVersion, @AcceptedOn, @AcceptedMaterials, @ReviewDueOn, @Extended, @OverdueAt, @ReviewerId, @ReviewerName,
            @Opinion, @OpinionReasons, @ApprovedDigest, @DecidedAt, @MissingMaterials, @CollectiveParticipants, @CollectiveOutcome,
            @SubmittedAt, @UpdatedAt)
        """);

    static readonly SqlStatement SelectById = SqlStatement.Portable($"SELECT {Columns} FROM review_requests WHERE review_id = @reviewId");

    /// <summary>Optimistic: changes the row only when it still has the version it was read at.</summary>
    static readonly SqlStatement Update = SqlStatement.Portable(
        """
        UPDATE review_requests SET status = @Status, version = @Version + 1, materials_version = @MaterialsVersion,
            accepted_on = @AcceptedOn, accepted_materials = @AcceptedMaterials, review_due_on = @ReviewDueOn, extended = @Extended,
            reviewer_id = @ReviewerId, reviewer_name = @ReviewerName, opinion = @Opinion, opinion_reasons = @OpinionReasons,
            approved_digest = @ApprovedDigest, decided_at = @DecidedAt, missing_materials = @MissingMaterials,
            collective_participants = @CollectiveParticipants, collective_outcome = @CollectiveOutcome, updated_at = @UpdatedAt
        WHERE review_id = @ReviewId AND version = @Version
        """);

    static readonly SqlStatement CountOpenForCase = SqlStatement.Portable(
        """
        SELECT COUNT(*) FROM review_requests
        WHERE agency_code = @agencyCode AND case_number = @caseNumber
          AND status IN ('submitted', 'returned', 'accepted', 'under-review', 'coordinating', 'collective-discussion')
        """);

    static readonly SqlStatement InsertVersion = SqlStatement.Portable(
        """
        INSERT INTO review_versions (review_id, version, materials, draft_digest, submitted_at, submitted_by, note)
        VALUES (@reviewId, @version, @materials, @draftDigest, @at, @by, @note)
        """);

    static readonly SqlStatement SelectVersions = SqlStatement.Portable(
        """
        SELECT version AS Version, materials AS Materials, draft_digest AS DraftDigest, submitted_at AS SubmittedAt,
            submitted_by AS SubmittedBy, note AS Note
        FROM review_versions WHERE review_id = @reviewId ORDER BY version
        """);

    static readonly SqlStatement SelectVersion = SqlStatement.Portable(
        """
        SELECT version AS Version, materials AS Materials, draft_digest AS DraftDigest, submitted_at AS SubmittedAt,
            submitted_by AS SubmittedBy, note AS Note
        FROM review_versions WHERE review_id = @reviewId AND version = @version
        """);

    static readonly SqlStatement UpsertFinding = new(
        """
        INSERT INTO review_findings (review_id, check_name, result, note, version, recorded_by, recorded_at)
        VALUES (@reviewId, @check, @result, @note, @version, @by, @at)
        ON CONFLICT (review_id, check_name) DO UPDATE SET result = excluded.result, note = excluded.note, version = excluded.version,
            recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at
        """,
        """
        MERGE dbo.review_findings WITH (HOLDLOCK) AS target
        USING (SELECT @reviewId AS review_id, @check AS check_name) AS source
            ON target.review_id = source.review_id AND target.check_name = source.check_name
        WHEN MATCHED THEN UPDATE SET result = @result, note = @note, version = @version, recorded_by = @by, recorded_at = @at
        WHEN NOT MATCHED THEN INSERT (review_id, check_name, result, note, version, recorded_by, recorded_at)
            VALUES (@reviewId, @check, @result, @note, @version, @by, @at);
        """);

    static readonly SqlStatement SelectFindings = SqlStatement.Portable(
        """
        SELECT check_name AS CheckName, result AS Result, note AS Note, version AS Version, recorded_by AS RecordedBy, recorded_at AS RecordedAt
        FROM review_findings WHERE review_id = @reviewId ORDER BY check_name
        """);

    static readonly SqlStatement InsertStep = SqlStatement.Portable(
        """
        INSERT INTO review_steps (review_id, seq, step, person_id, person_name, role, at, note)
        SELECT @reviewId, COALESCE(MAX(seq), 0) + 1, @step, @personId, @personName, @role, @at, @note
        FROM review_steps WHERE review_id = @reviewId
        """);

    static readonly SqlStatement SelectSteps = SqlStatement.Portable(
        """
        SELECT step AS Step, person_id AS PersonId, person_name AS PersonName, role AS Role, at AS At, note AS Note
        FROM review_steps WHERE review_id = @reviewId ORDER BY seq
        """);

    public Task InsertAsync(DbSession session, ReviewRow row) => session.ExecuteAsync(Insert, row);

    public Task<ReviewRow?> FindAsync(DbSession session, string reviewId) =>
        session.SingleOrDefaultAsync<ReviewRow>(SelectById, new { reviewId = reviewId.Trim() });

    /// <summary>Stores <paramref name="changed"/> (carrying the version it was read at); false when another writer changed it first.</summary>
    public async Task<bool> UpdateAsync(DbSession session, ReviewRow changed) => await session.ExecuteAsync(Update, changed) == 1;

    public async Task<bool> HasOpenRequestAsync(DbSession session, string agencyCode, string caseNumber) =>
        await session.ScalarAsync<long>(CountOpenForCase, new { agencyCode, caseNumber }) > 0;

    public Task AddVersionAsync(DbSession session, string reviewId, int version, ReviewMaterials materials, DateTimeOffset at, string by, string note) =>
        session.ExecuteAsync(InsertVersion, new
        {
            reviewId, version, materials = JsonFormatter.Default.Format(materials), draftDigest = materials.DraftDigest.Trim().ToLowerInvariant(),
            at, by, note,
        });

    public async Task<IReadOnlyList<VersionRow>> VersionsAsync(DbSession session, string reviewId) =>
        await session.ListAsync<VersionRow>(SelectVersions, new { reviewId });

    public async Task<VersionRow> VersionAsync(DbSession session, string reviewId, int version) =>
        await session.SingleOrDefaultAsync<VersionRow>(SelectVersion, new { reviewId, version })
        ?? throw new InvalidOperationException($"Review {reviewId} has no materials version {version}.");

    public Task RecordFindingAsync(DbSession session, string reviewId, ReviewCheck check, string result, string note, int version, string by, DateTimeOffset at) =>
        session.ExecuteAsync(UpsertFinding, new { reviewId, check = ReviewNames.Name(check), result, note, version, by, at });

    public async Task<IReadOnlyList<FindingRow>> FindingsAsync(DbSession session, string reviewId) =>
        await session.ListAsync<FindingRow>(SelectFindings, new { reviewId });

    public Task AddStepAsync(DbSession session, string reviewId, ReviewStepRow step, DateTimeOffset at) =>
        session.ExecuteAsync(InsertStep, new { reviewId, step = step.Step, personId = step.PersonId, personName = step.PersonName, role = step.Role, at, note = step.Note });

    public async Task<IReadOnlyList<StepRow>> StepsAsync(DbSession session, string reviewId) =>
        await session.ListAsync<StepRow>(SelectSteps, new { reviewId });

    public sealed class VersionRow
    {
        public int Version { get; init; }
        public string Materials { get; init; } = "";
        public string DraftDigest { get; init; } = "";
        public DateTimeOffset SubmittedAt { get; init; }
        public string SubmittedBy { get; init; } = "";
        public string Note { get; init; } = "";

        public ReviewMaterials ToMaterials() => ReviewMaterials.Parser.ParseJson(Materials);
    }

    public sealed class FindingRow
    {
        public string CheckName { get; init; } = "";
        public string Result { get; init; } = "";
        public string Note { get; init; } = "";
        public int Version { get; init; }
        public string RecordedBy { get; init; } = "";
        public DateTimeOffset RecordedAt { get; init; }
    }

    public sealed class StepRow
    {
        public string Step { get; init; } = "";
        public string PersonId { get; init; } = "";
        public string PersonName { get; init; } = "";
        public string Role { get; init; } = "";
        public DateTimeOffset At { get; init; }
        public string Note { get; init; } = "";
    }
}
