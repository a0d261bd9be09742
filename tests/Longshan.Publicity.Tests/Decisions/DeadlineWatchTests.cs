using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Decisions.DecisionData;

namespace Longshan.Publicity.Tests.Decisions;

/// <summary>The overdue job, driven by the fixture's fake clock. This class owns its app's clock (it moves it).</summary>
public sealed class DeadlineWatchTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task PublicationOverdue_is_raised_once_when_the_deadline_day_has_ended_and_not_before()
    {
        var agency = await NewAgencyAsync(app);
        // Decided 2026-11-27 (Fri): deadline 2026-12-08 (Tue), 7 working days.
        var late = (await client.RegisterDecisionAsync(Penalty(agency), TestTokens.Bearer(agency))).Decision;
        var onTime = (await client.RegisterDecisionAsync(Penalty(agency), TestTokens.Bearer(agency))).Decision.DecisionId;
        await client.PublishDecisionAsync(Publish(onTime), TestTokens.Bearer(agency));
        var minorRequest = Penalty(agency);
        minorRequest.Content.Party.ResidentIdNumber = MinorId;
        var neverPublishable = (await client.RegisterDecisionAsync(minorRequest, TestTokens.Bearer(agency))).Decision.DecisionId;
        Assert.Equal("2026-12-08", late.PublicationDeadline);

        await AdvanceToAsync(new DateTimeOffset(2026, 12, 8, 23, 0, 0, Beijing));
        var onDeadlineDay = await OverdueCountAsync(late.DecisionId);

        await AdvanceToAsync(new DateTimeOffset(2026, 12, 9, 0, 0, 30, Beijing));
        var justAfter = await OverdueCountAsync(late.DecisionId);

        await AdvanceToAsync(new DateTimeOffset(2026, 12, 15, 9, 0, 0, Beijing));
        var aWeekLater = await OverdueCountAsync(late.DecisionId);

        Assert.Equal(0, onDeadlineDay);
        Assert.Equal(1, justAfter);
        Assert.Equal(1, aWeekLater);
        Assert.Equal(0, await OverdueCountAsync(onTime));
        Assert.Equal(0, await OverdueCountAsync(neverPublishable));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE decision_id = @id AND publication_overdue_at IS NOT NULL", new { id = late.DecisionId }));
    }

    Task<long> OverdueCountAsync(string decisionId) =>
        app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'PublicationOverdue' AND body LIKE @id", new { id = $"%{decisionId}%" });

    Task AdvanceToAsync(DateTimeOffset target) => MoveClockAndSweepAsync(app, target);
}

/// <summary>WithdrawalOverdue, with its own app (its clock is not shared).</summary>
public sealed class WithdrawalOverdueTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    [Fact]
    public async Task A_withdrawal_later_than_three_working_days_after_the_revocation_raises_WithdrawalOverdue_once()
    {
        var agency = await NewAgencyAsync(app);
        var id = (await client.RegisterDecisionAsync(Penalty(agency, "2026-11-16"), TestTokens.Bearer(agency))).Decision.DecisionId;
        await client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency));

        // Revoked 2026-11-20 (Fri): withdraw by 2026-11-25; it is 2026-11-27.
        var withdrawn = await client.WithdrawDecisionAsync(new WithdrawDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), DecisionId = id, Kind = RevocationKind.ConfirmedIllegal, RevocationDate = "2026-11-20",
            Reason = "人民法院判决确认该决定违法",
        }, TestTokens.Bearer(agency));
        var now = app.Clock.GetUtcNow();
        await MoveClockAndSweepAsync(app, now.AddMinutes(2));
        await MoveClockAndSweepAsync(app, now.AddHours(1));

        Assert.False(withdrawn.OnTime);
        Assert.Equal("2026-11-25", withdrawn.Decision.WithdrawalDeadline);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'WithdrawalOverdue' AND body LIKE @id", new { id = $"%{id}%" }));
    }
}
