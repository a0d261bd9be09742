using Longshan.Contracts.Events.LegalReview;
using Longshan.Platform.Data;

namespace Longshan.Statistics.Reviews;

/// <summary>法制审核统计 — completed legal reviews of major decisions per agency and outcome (APL art. 58).</summary>
public static class ReviewCounts
{
    static readonly SqlStatement AddCompleted = new(
        "INSERT INTO review_counts (agency_code, outcome, completed) VALUES (@agencyCode, @outcome, 1) ON CONFLICT (agency_code, outcome) DO UPDATE SET completed = completed + 1",
        """
        UPDATE dbo.review_counts SET completed = completed + 1 WHERE agency_code = @agencyCode AND outcome = @outcome;
        IF @@ROWCOUNT = 0 INSERT INTO dbo.review_counts (agency_code, outcome, completed) VALUES (@agencyCode, @outcome, 1);
        """);

    public static Task CompletedAsync(ReviewCompleted e, DbSession session) =>
        session.ExecuteAsync(AddCompleted, new { agencyCode = e.AgencyCode, outcome = e.Outcome });
}
