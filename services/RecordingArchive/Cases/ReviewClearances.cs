using Longshan.Contracts.Events.LegalReview;
using Longshan.Platform.Data;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Legal;
using Longshan.Platform.Messaging;

namespace Longshan.RecordingArchive.Cases;

/// <summary>
/// <c>review_clearances</c>: legal-review outcomes (法制审核) from LegalReview's ReviewCompleted, by normalised case number.
/// A later completion of the same review (a re-review) replaces an earlier one.
/// </summary>
public sealed class ReviewClearanceStore
{
    static readonly SqlStatement Upsert = new(
        """
        INSERT INTO review_clearances (review_id, agency_code, case_number, outcome, passed, completed_at)
        VALUES (@reviewId, @agencyCode, @caseNumber, @outcome, @passed, @completedAt)
        ON CONFLICT (review_id) DO UPDATE SET agency_code = excluded.agency_code, case_number = excluded.case_number,
            outcome = excluded.outcome, passed = excluded.passed, completed_at = excluded.completed_at
        WHERE excluded.completed_at >= review_clearances.completed_at
        """,
        """
        MERGE dbo.review_clearances WITH (HOLDLOCK) AS target
        USING (SELECT @reviewId AS review_id) AS source ON target.review_id = source.review_id
        WHEN MATCHED AND @completedAt >= target.completed_at THEN
            UPDATE SET agency_code = @agencyCode, case_number = @caseNumber, outcome = @outcome, passed = @passed, completed_at = @completedAt
        WHEN NOT MATCHED THEN
            INSERT (review_id, agency_code, case_number, outcome, passed, completed_at)
            VALUES (@reviewId, @agencyCode, @caseNumber, @outcome, @passed, @completedAt);
        """);

    static readonly SqlStatement SelectByCase = SqlStatement.Portable(
        """
        SELECT review_id AS ReviewId, agency_code AS AgencyCode, case_number AS CaseNumber, passed AS Passed, completed_at AS CompletedAt
        FROM review_clearances WHERE case_number = @caseNumber ORDER BY completed_at DESC
        """);

    public Task SaveAsync(DbSession session, ReviewCompleted review) =>
        session.ExecuteAsync(Upsert, new
        {
            reviewId = review.ReviewId.Trim(),
            agencyCode = UnifiedSocialCreditCode.Normalize(review.AgencyCode),
            caseNumber = CaseNumbers.Normalize(review.CaseNumber),
            outcome = review.Outcome,
            passed = review.Passed,
            completedAt = review.CompletedAt,
        });

    /// <summary>Every clearance known for the case number (any agency), latest first.</summary>
    public async Task<IReadOnlyList<ReviewClearance>> ForCaseAsync(DbSession session, string caseNumber) =>
        (await session.ListAsync<Row>(SelectByCase, new { caseNumber = CaseNumbers.Normalize(caseNumber) }))
        .Select(r => new ReviewClearance(r.ReviewId, r.AgencyCode, r.CaseNumber, r.Passed, r.CompletedAt)).ToList();

    /// <summary>
    /// What <see cref="ReviewClearanceRule"/> says for the decision: null when one known clearance clears it; otherwise the
    /// refusal of this agency's latest clearance, else of anyone's latest, else "missing".
    /// </summary>
    public static Longshan.Contracts.Rules.Rule? Refusal(IReadOnlyList<ReviewClearance> clearances, DecisionForClearance decision)
    {
        if (clearances.Any(c => ReviewClearanceRule.Refusal(c, decision) is null)) return null;
        var own = clearances.FirstOrDefault(c => string.Equals(c.AgencyCode, decision.AgencyCode, StringComparison.OrdinalIgnoreCase));
        return ReviewClearanceRule.Refusal(own ?? (clearances.Count > 0 ? clearances[0] : null), decision);
    }

    sealed class Row
    {
        public string ReviewId { get; set; } = "";
        public string AgencyCode { get; set; } = "";
        public string CaseNumber { get; set; } = "";
        public bool Passed { get; set; }
        public DateTimeOffset CompletedAt { get; set; }
    }
}

/// <summary>Keeps the clearances archiving needs for a major decision (APL art. 58); idempotent through the inbox.</summary>
public sealed class ReviewCompletedConsumer(Inbox inbox, ReviewClearanceStore clearances) : InboxConsumer<ReviewCompleted>(inbox)
{
    protected override Task ApplyAsync(ReviewCompleted @event, DbSession session) =>
        string.IsNullOrWhiteSpace(@event.ReviewId) ? Task.CompletedTask : clearances.SaveAsync(session, @event);
}
