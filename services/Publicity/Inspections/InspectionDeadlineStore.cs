using Longshan.Platform.Data;

namespace Longshan.Publicity.Inspections;

/// <summary>
/// The <c>inspection_result_deadlines</c> table: per end of an inspection of a drawn target, the last day to publish its
/// result (20 working days, 国办发〔2018〕118号), when it was published, and the overdue mark the deadline watch sets once.
/// </summary>
public sealed class InspectionDeadlineStore
{
    static readonly SqlStatement SelectOne = SqlStatement.Portable(
        """
        SELECT draw_id AS DrawId, target_id AS TargetId, ended_on AS EndedOn, agency_code AS AgencyCode, item_id AS ItemId,
            deadline AS Deadline, published_on AS PublishedOn
        FROM inspection_result_deadlines WHERE draw_id = @drawId AND target_id = @targetId AND ended_on = @endedOn
        """);

    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO inspection_result_deadlines (draw_id, target_id, ended_on, agency_code, item_id, deadline, published_on, result_id, recorded_at, recorded_by)
        VALUES (@drawId, @targetId, @endedOn, @agencyCode, @itemId, @deadline, @publishedOn, @resultId, @at, @by)
        """);

    static readonly SqlStatement MarkPublished = SqlStatement.Portable(
        """
        UPDATE inspection_result_deadlines SET published_on = @publishedOn, result_id = @resultId
        WHERE draw_id = @drawId AND target_id = @targetId AND ended_on = @endedOn AND published_on IS NULL
        """);

    static readonly SqlStatement SelectPending = SqlStatement.Portable(
        "SELECT draw_id AS DrawId, target_id AS TargetId, ended_on AS EndedOn FROM inspection_result_deadlines WHERE deadline IS NULL");

    static readonly SqlStatement FillPending = SqlStatement.Portable(
        """
        UPDATE inspection_result_deadlines SET deadline = @deadline
        WHERE draw_id = @drawId AND target_id = @targetId AND ended_on = @endedOn AND deadline IS NULL
        """);

    static readonly SqlStatement SelectOverdue = SqlStatement.Portable(
        """
        SELECT draw_id AS DrawId, target_id AS TargetId, ended_on AS EndedOn, agency_code AS AgencyCode, item_id AS ItemId,
            deadline AS Deadline, published_on AS PublishedOn
        FROM inspection_result_deadlines
        WHERE overdue_at IS NULL AND deadline < @today AND (published_on IS NULL OR published_on > deadline)
        """);

    /// <summary>The overdue mark: a conditional update, so several sweeps (or instances) raise the event once.</summary>
    public static readonly SqlStatement MarkOverdue = SqlStatement.Portable(
        """
        UPDATE inspection_result_deadlines SET overdue_at = @now
        WHERE draw_id = @drawId AND target_id = @targetId AND ended_on = @endedOn AND overdue_at IS NULL
        """);

    public Task<InspectionDeadline?> FindAsync(DbSession session, Guid drawId, string targetId, DateOnly endedOn) =>
        session.SingleOrDefaultAsync<InspectionDeadline>(SelectOne, new { drawId, targetId, endedOn });

    public Task InsertAsync(
        DbSession session, InspectionDeadline deadline, Guid? resultId, DateTimeOffset at, string by) =>
        session.ExecuteAsync(Insert, new
        {
            drawId = deadline.DrawId, targetId = deadline.TargetId, endedOn = deadline.EndedOn, agencyCode = deadline.AgencyCode,
            itemId = deadline.ItemId, deadline = deadline.Deadline, publishedOn = deadline.PublishedOn, resultId, at, by,
        });

    /// <summary>The first result for this end was published; false when one already was.</summary>
    public async Task<bool> MarkPublishedAsync(DbSession session, Guid drawId, string targetId, DateOnly endedOn, DateOnly publishedOn, Guid resultId) =>
        await session.ExecuteAsync(MarkPublished, new { drawId, targetId, endedOn, publishedOn, resultId }) == 1;

    public Task<IReadOnlyList<InspectionDeadline>> PendingAsync(DbSession session) =>
        session.ListAsync<InspectionDeadline>(SelectPending);

    public Task<int> FillAsync(DbSession session, InspectionDeadline pending, DateOnly deadline) =>
        session.ExecuteAsync(FillPending, new { drawId = pending.DrawId, targetId = pending.TargetId, endedOn = pending.EndedOn, deadline });

    public Task<IReadOnlyList<InspectionDeadline>> OverdueAsync(DbSession session, DateOnly today) =>
        session.ListAsync<InspectionDeadline>(SelectOverdue, new { today });
}

/// <summary>One end of an inspection of a drawn target and the publication deadline of its result.</summary>
public sealed class InspectionDeadline
{
    public Guid DrawId { get; set; }
    public string TargetId { get; set; } = "";
    public DateOnly EndedOn { get; set; }
    public string AgencyCode { get; set; } = "";
    public Guid ItemId { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly? PublishedOn { get; set; }
}
