using Longshan.Contracts.Events.LegalReview;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;

namespace Longshan.LegalReview.Reviews;

/// <summary>
/// Raises ReviewOverdue once per request as soon as the last day of its time limit has ended in county time and no
/// opinion was given (accepted or under review). Driven by <see cref="TimeProvider"/> like Publicity's deadline watch:
/// each wait is a delay on it, so a fake clock moves it in tests. The mark is a conditional update in the same
/// transaction as the outbox event, so several instances never raise it twice.
/// </summary>
public sealed class ReviewOverdueWatch(
    Database database, OutboxWriter outbox, TimeProvider time, ReviewTimeLimitOptions options, ILogger<ReviewOverdueWatch> logger) : BackgroundService
{
    static readonly SqlStatement SelectOverdue = SqlStatement.Portable(
        """
        SELECT review_id AS ReviewId, agency_code AS AgencyCode, case_number AS CaseNumber, accepted_on AS AcceptedOn,
            review_due_on AS ReviewDueOn, reviewer_id AS ReviewerId
        FROM review_requests
        WHERE overdue_at IS NULL AND review_due_on < @today AND status IN ('accepted', 'under-review')
        """);

    static readonly SqlStatement MarkOverdue = SqlStatement.Portable(
        """
        UPDATE review_requests SET overdue_at = @now
        WHERE review_id = @reviewId AND overdue_at IS NULL AND status IN ('accepted', 'under-review')
        """);

    long lastSweepTicks;

    /// <summary>Clock time (UTC) at which the last finished sweep started; null before the first.</summary>
    public DateTimeOffset? LastSweepAt => Interlocked.Read(ref lastSweepTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var startedAt = time.GetUtcNow();
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(ex, "Review overdue sweep failed; it runs again at the next tick");
                }

                var next = Task.Delay(options.WatchInterval, time, stoppingToken);
                Interlocked.Exchange(ref lastSweepTicks, startedAt.UtcTicks);
                await next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Raises every ReviewOverdue due now; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<Due> due;
        await using (var session = await database.ReadAsync(cancellationToken))
            due = await session.ListAsync<Due>(SelectOverdue, new { today = CountyTime.DateOf(now) });

        var raised = 0;
        foreach (var review in due)
        {
            await using var session = await database.WriteAsync(cancellationToken);
            if (await session.ExecuteAsync(MarkOverdue, new { reviewId = review.ReviewId, now }) != 1) continue;
            await outbox.AddAsync(session, new ReviewOverdue
            {
                EventId = Guid.NewGuid(), OccurredAt = now, AgencyCode = review.AgencyCode, ReviewId = review.ReviewId, CaseNumber = review.CaseNumber,
                AcceptedOn = review.AcceptedOn, ReviewDueOn = review.ReviewDueOn, ReviewerId = review.ReviewerId,
            });
            await session.CommitAsync();
            raised++;
        }

        if (raised > 0)
        {
            outbox.Wake();
            logger.LogWarning("Review overdue watch raised {Count} ReviewOverdue events", raised);
        }

        return raised;
    }

    sealed class Due
    {
        public string ReviewId { get; init; } = "";
        public string AgencyCode { get; init; } = "";
        public string CaseNumber { get; init; } = "";
        public DateOnly AcceptedOn { get; init; }
        public DateOnly ReviewDueOn { get; init; }
        public string? ReviewerId { get; init; }
    }
}
