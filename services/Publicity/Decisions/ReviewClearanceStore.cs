using Longshan.Contracts.Events.LegalReview;
using Longshan.Platform.Data;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Legal;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// <c>review_clearances</c>: the outcomes of legal reviews (法制审核) learned from LegalReview's ReviewCompleted
/// events. A later completion of the same review (a re-review) replaces an earlier one.
/// </summary>
public sealed class ReviewClearanceStore
{
    static readonly SqlStatement Upsert = new(
        """
        INSERT INTO review_clearances (review_id, agency_code, case_number, outcome, passed, completed_at, received_at, draft_digest)
        VALUES (@reviewId, @agencyCode, @caseNumber, @outcome, @passed, @completedAt, @receivedAt, @draftDigest)
        ON CONFLICT (review_id) DO UPDATE SET agency_code = excluded.agency_code, case_number = excluded.case_number,
            outcome = excluded.outcome, passed = excluded.passed, completed_at = excluded.completed_at, received_at = excluded.received_at,
            draft_digest = excluded.draft_digest
        WHERE excluded.completed_at >= review_clearances.completed_at
        """,
        """
        MERGE dbo.review_clearances WITH (HOLDLOCK) AS target
        USING (SELECT @reviewId AS review_id) AS source ON target.review_id = source.review_id
        WHEN MATCHED AND @completedAt >= target.completed_at THEN
            UPDATE SET agency_code = @agencyCode, case_number = @caseNumber, outcome = @outcome, passed = @passed,
                completed_at = @completedAt, received_at = @receivedAt, draft_digest = @draftDigest
        WHEN NOT MATCHED THEN
            INSERT (review_id, agency_code, case_number, outcome, passed, completed_at, received_at, draft_digest)
            VALUES (@reviewId, @agencyCode, @caseNumber, @outcome, @passed, @completedAt, @receivedAt, @draftDigest);
        """);

    static readonly SqlStatement SelectById = SqlStatement.Portable(
        """
        SELECT review_id AS ReviewId, agency_code AS AgencyCode, case_number AS CaseNumber, passed AS Passed, completed_at AS CompletedAt,
            draft_digest AS DraftDigest
        FROM review_clearances WHERE review_id = @reviewId
        """);

    public Task SaveAsync(DbSession session, ReviewCompleted review, DateTimeOffset receivedAt) =>
        session.ExecuteAsync(Upsert, new
        {
            reviewId = review.ReviewId.Trim(),
            agencyCode = UnifiedSocialCreditCode.Normalize(review.AgencyCode),
            caseNumber = review.CaseNumber.Trim(),
            outcome = review.Outcome,
            passed = review.Passed,
            completedAt = review.CompletedAt,
            receivedAt,
            draftDigest = string.IsNullOrWhiteSpace(review.DraftDigest) ? null : review.DraftDigest.Trim().ToLowerInvariant(),
        });

    /// <summary>The clearance a decision names (by review id), whoever it belongs to; null when none is known.</summary>
    public async Task<ReviewClearance?> FindAsync(DbSession session, string reviewId)
    {
        var row = await session.SingleOrDefaultAsync<Row>(SelectById, new { reviewId = reviewId.Trim() });
        return row is null ? null : new ReviewClearance(row.ReviewId, row.AgencyCode, row.CaseNumber, row.Passed, row.CompletedAt, row.DraftDigest);
    }

    sealed class Row
    {
        public string ReviewId { get; set; } = "";
        public string AgencyCode { get; set; } = "";
        public string CaseNumber { get; set; } = "";
        public bool Passed { get; set; }
        public DateTimeOffset CompletedAt { get; set; }
        public string? DraftDigest { get; set; }
    }
}
