using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;

namespace Longshan.Statistics.Decisions;

/// <summary>
/// 重大执法决定未经有效法制审核统计 — major decisions registered without a valid legal-review clearance
/// (《行政处罚法》第五十八条), per agency and reason (the clearance rule's id), from Publicity's
/// MajorDecisionWithoutClearance. Each event is applied once (the journal's event id); a clearance that arrives later
/// does not lower the count: the flag is a fact about the registration.
/// </summary>
public static class UnclearedMajorDecisionCounts
{
    static readonly SqlStatement AddFlagged = new(
        "INSERT INTO uncleared_major_decision_counts (agency_code, rule_id, flagged) VALUES (@agencyCode, @rule, 1) " +
        "ON CONFLICT (agency_code, rule_id) DO UPDATE SET flagged = flagged + 1",
        """
        UPDATE dbo.uncleared_major_decision_counts SET flagged = flagged + 1 WHERE agency_code = @agencyCode AND rule_id = @rule;
        IF @@ROWCOUNT = 0 INSERT INTO dbo.uncleared_major_decision_counts (agency_code, rule_id, flagged) VALUES (@agencyCode, @rule, 1);
        """);

    public static Task FlaggedAsync(MajorDecisionWithoutClearance e, DbSession session) =>
        session.ExecuteAsync(AddFlagged, new { agencyCode = e.AgencyCode, rule = e.Rule });
}
