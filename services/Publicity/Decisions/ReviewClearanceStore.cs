using System.Data.Common;
using Dapper;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Platform.Data;
using Longshan.Platform.Identifiers;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// <c>review_clearances</c>: the outcomes of legal reviews (法制审核) learned from LegalReview's ReviewCompleted
/// events. A later completion of the same review (a re-review) replaces an earlier one.
/// </summary>
public sealed class ReviewClearanceStore(Database database)
{
    static readonly SqlStatement Upsert = new(
        """
        INSERT INTO review_clearances (review_id, agency_code, case_number, outcome, passed, completed_at, received_at)
        VALUES (@reviewId, @agencyCode, @caseNumber, @outcome, @passed, @completedAt, @receivedAt)
        ON CONFLICT (review_id) DO UPDATE SET agency_code = excluded.agency_code, case_number = excluded.case_number,
            outcome = excluded.outcome, passed = excluded.passed, completed_at = excluded.completed_at, received_at = excluded.received_at
        WHERE excluded.completed_at >= review_clearances.completed_at
        """,
        """
        MERGE dbo.review_clearances WITH (HOLDLOCK) AS target
        USING (SELECT @reviewId AS review_id) AS source ON target.review_id = source.review_id
        WHEN MATCHED AND @completedAt >= target.completed_at THEN
            UPDATE SET agency_code = @agencyCode, case_number = @caseNumber, outcome = @outcome, passed = @passed,
                completed_at = @completedAt, received_at = @receivedAt
        WHEN NOT MATCHED THEN
            INSERT (review_id, agency_code, case_number, outcome, passed, completed_at, received_at)
            VALUES (@reviewId, @agencyCode, @caseNumber, @outcome, @passed, @completedAt, @receivedAt);
        """);

    static readonly SqlStatement CountPassed = SqlStatement.Portable(
        "SELECT COUNT(*) FROM review_clearances WHERE review_id = @reviewId AND agency_code = @agencyCode AND passed = 1");

    public Task SaveAsync(DbTransaction transaction, ReviewCompleted review, DateTimeOffset receivedAt) =>
        transaction.Connection!.ExecuteAsync(database.Sql(Upsert), new
        {
            reviewId = review.ReviewId.Trim(),
            agencyCode = UnifiedSocialCreditCode.Normalize(review.AgencyCode),
            caseNumber = review.CaseNumber.Trim(),
            outcome = review.Outcome,
            passed = review.Passed,
            completedAt = review.CompletedAt,
            receivedAt,
        }, transaction);

    /// <summary>
    /// The gate of 《行政处罚法》第五十八条: the clearance reference names a review of the same agency whose outcome
    /// is approve or approve-after-amendment.
    /// </summary>
    public async Task<bool> IsPassedAsync(DbConnection connection, string reviewId, string agencyCode, DbTransaction? transaction = null) =>
        await connection.ExecuteScalarAsync<long>(database.Sql(CountPassed), new { reviewId = reviewId.Trim(), agencyCode }, transaction) > 0;
}
