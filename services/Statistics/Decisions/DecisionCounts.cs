using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;

namespace Longshan.Statistics.Decisions;

/// <summary>
/// 行政执法决定统计 — decisions per agency and category: registered, published (and of those, after the deadline of
/// 国办发〔2018〕118号), publication overdue; withdrawals overdue per agency (APL art. 48). Projections of journalled
/// events: each event is applied once, in any order (counts do not depend on order).
/// </summary>
public static class DecisionCounts
{
    static readonly SqlStatement AddRegistered = Upsert("registered");
    static readonly SqlStatement AddPublished = new(
        """
        INSERT INTO decision_counts (agency_code, category, published, published_late) VALUES (@agencyCode, @category, 1, @late)
        ON CONFLICT (agency_code, category) DO UPDATE SET published = published + 1, published_late = published_late + @late
        """,
        """
        UPDATE dbo.decision_counts SET published = published + 1, published_late = published_late + @late WHERE agency_code = @agencyCode AND category = @category;
        IF @@ROWCOUNT = 0 INSERT INTO dbo.decision_counts (agency_code, category, published, published_late) VALUES (@agencyCode, @category, 1, @late);
        """);
    static readonly SqlStatement AddPublicationOverdue = Upsert("publication_overdue");

    static readonly SqlStatement AddWithdrawalOverdue = new(
        "INSERT INTO withdrawal_overdue_counts (agency_code, overdue) VALUES (@agencyCode, 1) ON CONFLICT (agency_code) DO UPDATE SET overdue = overdue + 1",
        """
        UPDATE dbo.withdrawal_overdue_counts SET overdue = overdue + 1 WHERE agency_code = @agencyCode;
        IF @@ROWCOUNT = 0 INSERT INTO dbo.withdrawal_overdue_counts (agency_code, overdue) VALUES (@agencyCode, 1);
        """);

    static SqlStatement Upsert(string column) => new(
        $"INSERT INTO decision_counts (agency_code, category, {column}) VALUES (@agencyCode, @category, 1) " +
        $"ON CONFLICT (agency_code, category) DO UPDATE SET {column} = {column} + 1",
        $"""
        UPDATE dbo.decision_counts SET {column} = {column} + 1 WHERE agency_code = @agencyCode AND category = @category;
        IF @@ROWCOUNT = 0 INSERT INTO dbo.decision_counts (agency_code, category, {column}) VALUES (@agencyCode, @category, 1);
        """);

    public static Task RegisteredAsync(DecisionRegistered e, DbSession session) =>
        session.ExecuteAsync(AddRegistered, new { agencyCode = e.AgencyCode, category = e.Category });

    public static Task PublishedAsync(DecisionPublished e, DbSession session) =>
        session.ExecuteAsync(AddPublished, new { agencyCode = e.AgencyCode, category = e.Public.Category, late = e.OnTime ? 0 : 1 });

    public static Task PublicationOverdueAsync(PublicationOverdue e, DbSession session) =>
        session.ExecuteAsync(AddPublicationOverdue, new { agencyCode = e.AgencyCode, category = e.Category });

    public static Task WithdrawalOverdueAsync(WithdrawalOverdue e, DbSession session) =>
        session.ExecuteAsync(AddWithdrawalOverdue, new { agencyCode = e.AgencyCode });
}
