using Google.Protobuf;
using Longshan.Platform.Data;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// The private side of decisions: <c>decisions</c> (lifecycle, deadlines) and <c>decision_originals</c> (the
/// unredacted content, one row per correction, stored as the message's JSON). Nothing here is read by a public query.
/// Each update that changes a decision's state (publish, correct, withdraw) is conditional on the revision read and
/// adds one to it, so the revision an event carries is exactly the one stored by its change.
/// </summary>
public sealed class DecisionStore
{
    const string Columns =
        """
        decision_id, revision, agency_code, case_number, category, decision_date, is_major, review_clearance_reference, party_kind,
        publication_deadline, publishable, non_publication_reasons, status, content_version, public_version, registered_at,
        registered_by, published_on, publication_overdue_at, revocation_kind, revoked_on, withdrawal_deadline, withdrawn_at,
        withdrawn_on, withdrawal_overdue_at, content_digest, acting_organisation_code
        """;

    static readonly SqlStatement Insert = SqlStatement.Portable(
        $"""
        INSERT INTO decisions ({Columns})
        VALUES (@DecisionId, @Revision, @AgencyCode, @CaseNumber, @Category, @DecisionDate, @IsMajor, @ReviewClearanceReference, @PartyKind,
            @PublicationDeadline, @Publishable, @NonPublicationReasons, @Status, @ContentVersion, @PublicVersion, @RegisteredAt,
            @RegisteredBy, @PublishedOn, @PublicationOverdueAt, @RevocationKind, @RevokedOn, @WithdrawalDeadline, @WithdrawnAt,
            @WithdrawnOn, @WithdrawalOverdueAt, @ContentDigest, @ActingOrganisationCode)
        """);

    /// <summary>公开审核 (seed task T1(1)): read with the row, written only by the approval steps and the publication.</summary>
    const string ApprovalColumns =
        """
        prepared_at, prepared_by, prepared_by_name, approved_at, approved_by, approved_by_name, rejected_at, rejected_by,
        rejected_by_name, rejection_reason
        """;

    static readonly SqlStatement InsertContent = SqlStatement.Portable(
        """
        INSERT INTO decision_originals (decision_id, version, content, recorded_at, recorded_by)
        VALUES (@decisionId, @version, @content, @recordedAt, @recordedBy)
        """);

    static readonly SqlStatement SelectById = SqlStatement.Portable($"SELECT {Columns}, {ApprovalColumns} FROM decisions WHERE decision_id = @decisionId");

    static readonly SqlStatement CaseExists = SqlStatement.Portable(
        "SELECT COUNT(*) FROM decisions WHERE agency_code = @agencyCode AND case_number = @caseNumber");

    static readonly SqlStatement SelectContent = SqlStatement.Portable(
        "SELECT content FROM decision_originals WHERE decision_id = @decisionId AND version = @version");

    static readonly SqlStatement MarkPublished = SqlStatement.Portable(
        """
        UPDATE decisions SET status = @published, published_on = @publishedOn, public_version = 1, revision = revision + 1,
            approved_at = @approvedAt, approved_by = @approvedBy, approved_by_name = @approvedByName
        WHERE decision_id = @decisionId AND revision = @revision AND status = @registered
        """);

    static readonly SqlStatement MarkPrepared = SqlStatement.Portable(
        """
        UPDATE decisions SET prepared_at = @at, prepared_by = @subject, prepared_by_name = @name, revision = revision + 1
        WHERE decision_id = @decisionId AND revision = @revision AND status = @registered AND prepared_at IS NULL
        """);

    static readonly SqlStatement MarkRejected = SqlStatement.Portable(
        """
        UPDATE decisions SET prepared_at = NULL, prepared_by = NULL, prepared_by_name = NULL,
            rejected_at = @at, rejected_by = @subject, rejected_by_name = @name, rejection_reason = @reason, revision = revision + 1
        WHERE decision_id = @decisionId AND revision = @revision AND status = @registered AND prepared_at IS NOT NULL
        """);

    static readonly SqlStatement SetContentVersion = SqlStatement.Portable(
        """
        UPDATE decisions SET content_version = @version, public_version = @publicVersion, party_kind = @partyKind,
            publishable = @publishable, non_publication_reasons = @reasons, revision = revision + 1
        WHERE decision_id = @decisionId AND revision = @revision AND content_version = @previousVersion AND status <> @withdrawn
        """);

    static readonly SqlStatement MarkWithdrawn = SqlStatement.Portable(
        """
        UPDATE decisions SET status = @withdrawn, revocation_kind = @revocationKind, revoked_on = @revokedOn,
            withdrawal_deadline = @withdrawalDeadline, withdrawn_at = @withdrawnAt, withdrawn_on = @withdrawnOn, revision = revision + 1
        WHERE decision_id = @decisionId AND revision = @revision AND status <> @withdrawn
        """);

    static readonly SqlStatement MarkRevoked = SqlStatement.Portable(
        """
        UPDATE decisions SET revocation_kind = @revocationKind, revoked_on = @revokedOn, withdrawal_deadline = @withdrawalDeadline,
            revision = revision + 1
        WHERE decision_id = @decisionId AND revision = @revision AND status <> @withdrawn AND revoked_on IS NULL
        """);

    public Task InsertAsync(DbSession session, DecisionRow row) =>
        session.ExecuteAsync(Insert, row);

    public Task AddContentAsync(DbSession session, Guid decisionId, int version, V1.DecisionContent content, DateTimeOffset recordedAt, string recordedBy) =>
        session.ExecuteAsync(InsertContent,
            new { decisionId, version, content = JsonFormatter.Default.Format(content), recordedAt, recordedBy });

    public Task<DecisionRow?> FindAsync(DbSession session, Guid decisionId) =>
        session.SingleOrDefaultAsync<DecisionRow>(SelectById, new { decisionId });

    public async Task<bool> CaseExistsAsync(DbSession session, string agencyCode, string caseNumber) =>
        await session.ScalarAsync<long>(CaseExists, new { agencyCode, caseNumber }) > 0;

    /// <summary>The original content of <paramref name="version"/>.</summary>
    public async Task<V1.DecisionContent> ContentAsync(DbSession session, Guid decisionId, int version)
    {
        var json = await session.SingleOrDefaultAsync<string>(SelectContent, new { decisionId, version });
        return JsonParser.Default.Parse<V1.DecisionContent>(json);
    }

    /// <summary>
    /// Registered → published. Returns the revision stored; null when the decision changed since
    /// <paramref name="previous"/> was read (a concurrent publish, correction or withdrawal).
    /// </summary>
    /// <remarks><paramref name="approval"/>: the publisher who approved it (公开审核), null for a direct publication.</remarks>
    public async Task<int?> MarkPublishedAsync(DbSession session, DecisionRow previous, DateOnly publishedOn, ApprovalStep? approval) =>
        NextRevision(previous, await session.ExecuteAsync(MarkPublished, new
        {
            decisionId = previous.DecisionId,
            revision = previous.Revision,
            publishedOn,
            approvedAt = approval?.At,
            approvedBy = approval?.Subject,
            approvedByName = approval?.Name,
            published = DecisionNames.Status.Published,
            registered = DecisionNames.Status.Registered,
        }));

    /// <summary>
    /// Registered → awaiting approval (公开审核, seed task T1(1)); the status stays registered. Returns the revision
    /// stored; null when the decision changed since <paramref name="previous"/> was read or was prepared meanwhile.
    /// </summary>
    public async Task<int?> MarkPreparedAsync(DbSession session, DecisionRow previous, ApprovalStep prepared) =>
        NextRevision(previous, await session.ExecuteAsync(MarkPrepared, new
        {
            decisionId = previous.DecisionId,
            revision = previous.Revision,
            at = prepared.At,
            subject = prepared.Subject,
            name = prepared.Name,
            registered = DecisionNames.Status.Registered,
        }));

    /// <summary>
    /// Awaiting approval → registered, the preparation cleared and the rejection recorded. Returns the revision stored;
    /// null when the decision changed since <paramref name="previous"/> was read.
    /// </summary>
    public async Task<int?> MarkRejectedAsync(DbSession session, DecisionRow previous, ApprovalStep rejected, string reason) =>
        NextRevision(previous, await session.ExecuteAsync(MarkRejected, new
        {
            decisionId = previous.DecisionId,
            revision = previous.Revision,
            at = rejected.At,
            subject = rejected.Subject,
            name = rejected.Name,
            reason,
            registered = DecisionNames.Status.Registered,
        }));

    /// <summary>
    /// Points the decision at a new content version. Returns the revision stored; null when another correction or a
    /// withdrawal came first.
    /// </summary>
    public async Task<int?> SetContentVersionAsync(
        DbSession session, DecisionRow previous, int version, int publicVersion, PublicationEligibility eligibility, string partyKind) =>
        NextRevision(previous, await session.ExecuteAsync(SetContentVersion, new
        {
            decisionId = previous.DecisionId,
            revision = previous.Revision,
            version,
            publicVersion,
            partyKind,
            publishable = eligibility.MayPublish,
            reasons = DecisionLifecycle.ReasonsText(eligibility),
            previousVersion = previous.ContentVersion,
            withdrawn = DecisionNames.Status.Withdrawn,
        }));

    /// <summary>Marks the decision withdrawn. Returns the revision stored; null when it changed since <paramref name="previous"/> was read.</summary>
    public async Task<int?> MarkWithdrawnAsync(
        DbSession session, DecisionRow previous, string revocationKind, DateOnly revokedOn, DateOnly? withdrawalDeadline,
        DateTimeOffset withdrawnAt, DateOnly withdrawnOn) =>
        NextRevision(previous, await session.ExecuteAsync(MarkWithdrawn, new
        {
            decisionId = previous.DecisionId,
            revision = previous.Revision,
            revocationKind,
            revokedOn,
            withdrawalDeadline,
            withdrawnAt,
            withdrawnOn,
            withdrawn = DecisionNames.Status.Withdrawn,
        }));

    /// <summary>
    /// Records the revocation (APL art. 48) without withdrawing: the withdrawal deadline starts to run. Returns the
    /// revision stored; null when the decision changed since <paramref name="previous"/> was read.
    /// </summary>
    public async Task<int?> MarkRevokedAsync(DbSession session, DecisionRow previous, string revocationKind, DateOnly revokedOn, DateOnly? withdrawalDeadline) =>
        NextRevision(previous, await session.ExecuteAsync(MarkRevoked, new
        {
            decisionId = previous.DecisionId,
            revision = previous.Revision,
            revocationKind,
            revokedOn,
            withdrawalDeadline,
            withdrawn = DecisionNames.Status.Withdrawn,
        }));

    /// <summary>The revision a conditional update stored (<c>revision = revision + 1</c> where it was the one read), or null if it changed nothing.</summary>
    static int? NextRevision(DecisionRow previous, int affected) => affected == 1 ? previous.Revision + 1 : null;
}
