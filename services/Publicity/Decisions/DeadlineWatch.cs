using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;
using Event = Longshan.Contracts.Events.Publicity;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// Raises PublicationOverdue (国办发〔2018〕118号: 7 / 20 working days) and WithdrawalOverdue (《行政处罚法》第四十八条:
/// 3 working days) once per decision, and InspectionResultOverdue (118号: 20 working days from the end of an inspection)
/// once per inspection end, as soon as a deadline day has ended in county time — not only when someone asks.
/// Driven by <see cref="TimeProvider"/> (each wait is a delay on it), so a fake clock moves it in tests. Each mark is
/// a conditional update in the same transaction as its outbox event: several instances never raise it twice.
/// Each sweep first computes the pending publication deadlines (null: the period ran into a year after the calendar's
/// last one) that the calendar now covers — a year added to <c>Calendar:Years</c> is loaded at start-up, so after a restart.
/// </summary>
public sealed class DeadlineWatch(
    Database database, OutboxWriter outbox, TimeProvider time, OverdueOptions options, HolidayCalendar calendar,
    PublicationDeadlineOptions deadlines, Inspections.InspectionDeadlineStore inspections, ILogger<DeadlineWatch> logger) : BackgroundService
{
    static readonly SqlStatement SelectPendingDeadlines = SqlStatement.Portable(
        """
        SELECT decision_id AS DecisionId, category AS Category, decision_date AS DecisionDate
        FROM decisions
        WHERE publication_deadline IS NULL AND status <> @withdrawn
        """);

    static readonly SqlStatement FillPendingDeadline = SqlStatement.Portable(
        "UPDATE decisions SET publication_deadline = @deadline WHERE decision_id = @decisionId AND publication_deadline IS NULL");

    static readonly SqlStatement SelectPublicationOverdue = SqlStatement.Portable(
        """
        SELECT decision_id AS DecisionId, agency_code AS AgencyCode, case_number AS CaseNumber, category AS Category,
            decision_date AS DecisionDate, publication_deadline AS PublicationDeadline, published_on AS PublishedOn
        FROM decisions
        WHERE publication_overdue_at IS NULL AND publishable = 1 AND publication_deadline < @today
          AND ((published_on IS NULL AND revoked_on IS NULL) OR published_on > publication_deadline)
        """);

    static readonly SqlStatement MarkPublicationOverdue = SqlStatement.Portable(
        "UPDATE decisions SET publication_overdue_at = @now WHERE decision_id = @decisionId AND publication_overdue_at IS NULL");

    static readonly SqlStatement SelectWithdrawalOverdue = SqlStatement.Portable(
        """
        SELECT decision_id AS DecisionId, agency_code AS AgencyCode, case_number AS CaseNumber, revoked_on AS RevokedOn,
            withdrawal_deadline AS WithdrawalDeadline, withdrawn_on AS WithdrawnOn
        FROM decisions
        WHERE withdrawal_overdue_at IS NULL AND withdrawal_deadline < @today
          AND (withdrawn_on IS NULL OR withdrawn_on > withdrawal_deadline)
        """);

    static readonly SqlStatement MarkWithdrawalOverdue = SqlStatement.Portable(
        "UPDATE decisions SET withdrawal_overdue_at = @now WHERE decision_id = @decisionId AND withdrawal_overdue_at IS NULL");

    long lastSweepTicks;

    /// <summary>
    /// Clock time (UTC) at which the last finished sweep started; null before the first. When it is published the
    /// wait for the next sweep is already armed, so a clock moved after reading it always causes a sweep.
    /// </summary>
    public DateTimeOffset? LastSweepAt => Interlocked.Read(ref lastSweepTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var startedAt = time.GetUtcNow();
                await SweepSafelyAsync(stoppingToken);
                // One timer per wait, from the TimeProvider: a fake clock's jump of any size wakes it once.
                var next = Task.Delay(options.Interval, time, stoppingToken);
                Interlocked.Exchange(ref lastSweepTicks, startedAt.UtcTicks);
                await next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Computes the pending deadlines it can, then raises every overdue event due now. Returns how many were raised.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await FillPendingDeadlinesAsync(cancellationToken);
        await FillPendingInspectionDeadlinesAsync(cancellationToken);
        var now = time.GetUtcNow();
        var today = CountyTime.DateOf(now);
        IReadOnlyList<PublicationDue> publications;
        IReadOnlyList<WithdrawalDue> withdrawals;
        IReadOnlyList<Inspections.InspectionDeadline> results;
        await using (var session = await database.ReadAsync(cancellationToken))
        {
            publications = await session.ListAsync<PublicationDue>(SelectPublicationOverdue, new { today });
            withdrawals = await session.ListAsync<WithdrawalDue>(SelectWithdrawalOverdue, new { today });
            results = await inspections.OverdueAsync(session, today);
        }

        var raised = 0;
        foreach (var due in publications)
            if (await RaiseOnceAsync(MarkPublicationOverdue, due.DecisionId, now, PublicationOverdue(due, now), cancellationToken))
            {
                raised++;
                PublicityMetrics.OverdueRaised("publication", due.AgencyCode);
            }

        foreach (var due in withdrawals)
            if (await RaiseOnceAsync(MarkWithdrawalOverdue, due.DecisionId, now, WithdrawalOverdue(due, now), cancellationToken))
            {
                raised++;
                PublicityMetrics.OverdueRaised("withdrawal", due.AgencyCode);
            }

        foreach (var due in results)
            if (await RaiseOnceAsync(Inspections.InspectionDeadlineStore.MarkOverdue, new { drawId = due.DrawId, targetId = due.TargetId, endedOn = due.EndedOn, now },
                    Inspections.InspectionResults.ToOverdueEvent(due, Guid.NewGuid(), now), cancellationToken))
            {
                raised++;
                PublicityMetrics.OverdueRaised("inspection-result", due.AgencyCode);
            }

        if (raised > 0)
        {
            outbox.Wake();
            logger.LogWarning("Deadline watch raised {Count} overdue events (county date {Today})", raised, today);
        }

        return raised;
    }

    async Task SweepSafelyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SweepAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Deadline watch sweep failed; it runs again at the next tick");
        }
    }

    /// <summary>
    /// Stores each pending publication deadline the calendar now covers (same rule as at registration). One still
    /// running into a year without data stays pending. Returns how many were stored.
    /// </summary>
    async Task<int> FillPendingDeadlinesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<PendingDeadline> pending;
        await using (var session = await database.ReadAsync(cancellationToken))
            pending = await session.ListAsync<PendingDeadline>(SelectPendingDeadlines, new { withdrawn = DecisionNames.Status.Withdrawn });
        if (pending.Count == 0) return 0;

        var filled = 0;
        foreach (var decision in pending)
        {
            if (Computable(decision) is not { } deadline) continue;
            await using var session = await database.WriteAsync(cancellationToken);
            filled += await session.ExecuteAsync(FillPendingDeadline, new { decisionId = decision.DecisionId, deadline });
            await session.CommitAsync();
        }

        logger.LogInformation("Deadline watch computed {Filled} pending publication deadlines; {Pending} stay pending until the holiday calendar of their year is configured (Calendar:Years)",
            filled, pending.Count - filled);
        return filled;
    }

    DateOnly? Computable(PendingDeadline decision)
    {
        try
        {
            var category = DecisionNames.ToDomain(DecisionNames.CategoryFromName(decision.Category))!.Value;
            return PublicationDeadlines.PublicationDeadlineOrPending(category, decision.DecisionDate, calendar, deadlines);
        }
        catch (CalendarYearMissingException)
        {
            return null; // a year before the calendar's first one: not computable here either; it stays pending
        }
    }

    /// <summary>
    /// Stores each pending inspection-result deadline the calendar now covers (as <see cref="FillPendingDeadlinesAsync"/>).
    /// </summary>
    async Task FillPendingInspectionDeadlinesAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Inspections.InspectionDeadline> pending;
        await using (var session = await database.ReadAsync(cancellationToken))
            pending = await inspections.PendingAsync(session);
        foreach (var due in pending)
        {
            DateOnly? deadline;
            try
            {
                deadline = Inspections.InspectionDeadlines.DeadlineOrPending(due.EndedOn, calendar, deadlines);
            }
            catch (CalendarYearMissingException)
            {
                continue;
            }
            if (deadline is not { } day) continue;
            await using var session = await database.WriteAsync(cancellationToken);
            await inspections.FillAsync(session, due, day);
            await session.CommitAsync();
        }
    }

    Task<bool> RaiseOnceAsync(
        SqlStatement mark, Guid decisionId, DateTimeOffset now, Contracts.Events.IntegrationEvent @event, CancellationToken cancellationToken) =>
        RaiseOnceAsync(mark, new { decisionId, now }, @event, cancellationToken);

    /// <summary>Marks and raises in one transaction; false when another sweep (or instance) marked it first.</summary>
    async Task<bool> RaiseOnceAsync(
        SqlStatement mark, object markArguments, Contracts.Events.IntegrationEvent @event, CancellationToken cancellationToken)
    {
        await using var session = await database.WriteAsync(cancellationToken);
        if (await session.ExecuteAsync(mark, markArguments) != 1) return false;
        await outbox.AddAsync(session, @event);
        await session.CommitAsync();
        return true;
    }

    static Event.PublicationOverdue PublicationOverdue(PublicationDue due, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = now,
        AgencyCode = due.AgencyCode,
        DecisionId = due.DecisionId,
        CaseNumber = due.CaseNumber,
        Category = due.Category,
        DecisionDate = due.DecisionDate,
        PublicationDeadline = due.PublicationDeadline,
        PublishedOn = due.PublishedOn,
    };

    static Event.WithdrawalOverdue WithdrawalOverdue(WithdrawalDue due, DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = now,
        AgencyCode = due.AgencyCode,
        DecisionId = due.DecisionId,
        CaseNumber = due.CaseNumber,
        RevokedOn = due.RevokedOn,
        WithdrawalDeadline = due.WithdrawalDeadline,
        WithdrawnOn = due.WithdrawnOn,
    };

    sealed class PublicationDue
    {
        public Guid DecisionId { get; set; }
        public string AgencyCode { get; set; } = "";
        public string CaseNumber { get; set; } = "";
        public string Category { get; set; } = "";
        public DateOnly DecisionDate { get; set; }
        public DateOnly PublicationDeadline { get; set; }
        public DateOnly? PublishedOn { get; set; }
    }

    sealed class PendingDeadline
    {
        public Guid DecisionId { get; set; }
        public string Category { get; set; } = "";
        public DateOnly DecisionDate { get; set; }
    }

    sealed class WithdrawalDue
    {
        public Guid DecisionId { get; set; }
        public string AgencyCode { get; set; } = "";
        public string CaseNumber { get; set; } = "";
        public DateOnly RevokedOn { get; set; }
        public DateOnly WithdrawalDeadline { get; set; }
        public DateOnly? WithdrawnOn { get; set; }
    }
}
