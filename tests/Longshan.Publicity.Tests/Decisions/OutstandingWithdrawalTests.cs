using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Decisions.DecisionData;

namespace Longshan.Publicity.Tests.Decisions;

/// <summary>
/// 《行政处罚法》第四十八条: the agency records that a published decision was revoked, changed, or confirmed illegal or void;
/// from then on it owes the withdrawal within 3 working days (HolidayCalendar, 调休 included), and WithdrawalOverdue is
/// raised for one still outstanding — not only for one done late. Own app: its clock moves.
/// </summary>
public sealed class OutstandingWithdrawalTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    async Task<string> PublishedAsync(string agency, string decisionDate)
    {
        var id = (await client.RegisterDecisionAsync(Penalty(agency, decisionDate), TestTokens.Bearer(agency))).Decision.DecisionId;
        await client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency));
        return id;
    }

    static RecordRevocationRequest Revocation(string id, string date, RevocationKind kind = RevocationKind.Revoked) => new()
    {
        RequestId = Guid.NewGuid().ToString(), DecisionId = id, Kind = kind, RevocationDate = date,
    };

    static WithdrawDecisionRequest Withdrawal(string id) => new()
    {
        RequestId = Guid.NewGuid().ToString(), DecisionId = id, Reason = "经行政复议，该决定被撤销",
    };

    Task<long> OverdueAsync(string id) =>
        app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'WithdrawalOverdue' AND body LIKE @id", new { id = $"%{id}%" });

    [Fact]
    public async Task An_outstanding_withdrawal_raises_WithdrawalOverdue_once_after_the_third_working_day_ends()
    {
        var agency = await NewAgencyAsync(app);
        var outstanding = await PublishedAsync(agency, "2026-11-16");
        var withdrawnInTime = await PublishedAsync(agency, "2026-11-16");
        var token = TestTokens.Bearer(agency);

        // Recorded on Fri 2026-11-27 for a revocation of Wed 2026-11-25: Thu 26, Fri 27, Mon 30 → deadline 2026-11-30.
        var recorded = (await client.RecordRevocationAsync(Revocation(outstanding, "2026-11-25"), token)).Decision;
        await client.RecordRevocationAsync(Revocation(withdrawnInTime, "2026-11-25", RevocationKind.Changed), token);
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 11, 30, 17, 0, 0, Beijing));
        var onTime = await client.WithdrawDecisionAsync(Withdrawal(withdrawnInTime), token);
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 11, 30, 23, 59, 0, Beijing));
        var beforeEnd = await OverdueAsync(outstanding);
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 1, 0, 1, 0, Beijing));
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 1, 9, 0, 0, Beijing));
        var late = await client.WithdrawDecisionAsync(Withdrawal(outstanding), token);
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 2, 9, 0, 0, Beijing));

        Assert.Equal(("2026-11-30", RevocationKind.Revoked, "2026-11-25", DecisionStatus.Published),
            (recorded.WithdrawalDeadline, recorded.RevocationKind, recorded.RevocationDate, recorded.Status));
        Assert.Equal(0, beforeEnd);
        Assert.Equal(1, await OverdueAsync(outstanding));
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'WithdrawalOverdue' AND body LIKE @id AND body LIKE '%\"withdrawnOn\":null%'",
            new { id = $"%{outstanding}%" }));
        Assert.True(onTime.OnTime);
        Assert.Equal(RevocationKind.Changed, onTime.Decision.RevocationKind);
        Assert.Equal(0, await OverdueAsync(withdrawnInTime));
        Assert.False(late.OnTime);
        Assert.Equal((DecisionStatus.Withdrawn, "2026-11-25"), (late.Decision.Status, late.Decision.RevocationDate));
    }

    [Fact]
    public async Task The_deadline_counts_working_days_of_the_holiday_calendar_including_adjusted_working_days()
    {
        var agency = await NewAgencyAsync(app);
        var id = await PublishedAsync(agency, "2026-09-28");

        // Revoked Wed 2026-09-30; 国庆 1–7 October off; Thu 8, Fri 9, Sat 10 (调休 working day) → 2026-10-10.
        var recorded = (await client.RecordRevocationAsync(Revocation(id, "2026-09-30"), TestTokens.Bearer(agency))).Decision;

        Assert.Equal("2026-10-10", recorded.WithdrawalDeadline);
    }

    [Fact]
    public async Task A_recorded_revocation_is_recorded_once_decides_the_withdrawals_kind_and_date_and_stops_a_registered_decision_from_publication()
    {
        var agency = await NewAgencyAsync(app);
        var token = TestTokens.Bearer(agency);
        var published = await PublishedAsync(agency, "2026-11-16");
        var registered = (await client.RegisterDecisionAsync(Penalty(agency, "2026-11-16"), token)).Decision.DecisionId;
        var unrecorded = await PublishedAsync(agency, "2026-11-16");
        await client.RecordRevocationAsync(Revocation(published, "2026-11-20", RevocationKind.ConfirmedVoid), token);
        var registeredRecord = (await client.RecordRevocationAsync(Revocation(registered, "2026-11-20"), token)).Decision;

        var twice = await FailsAsync(client.RecordRevocationAsync(Revocation(published, "2026-11-21"), token));
        var beforeDecision = await FailsAsync(client.RecordRevocationAsync(Revocation(unrecorded, "2026-11-15"), token));
        var mismatch = Withdrawal(published);
        mismatch.RevocationDate = "2026-11-21";
        mismatch.Kind = RevocationKind.Revoked;
        var differs = await FailsAsync(client.WithdrawDecisionAsync(mismatch, token));
        var nothingRecorded = await FailsAsync(client.WithdrawDecisionAsync(Withdrawal(unrecorded), token));
        var publish = await FailsAsync(client.PublishDecisionAsync(Publish(registered), token));
        var intruder = await FailsAsync(client.RecordRevocationAsync(Revocation(unrecorded, "2026-11-20"), TestTokens.Bearer(await NewAgencyAsync(app))));
        var withdrawn = await client.WithdrawDecisionAsync(Withdrawal(published), token);
        var shown = (await client.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = published }, new Metadata())).Decision;

        Assert.Equal("revocation-already-recorded", twice.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.Equal("revocation_date", beforeDecision.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(["kind", "revocation_date"], differs.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal("revocation-not-recorded", nothingRecorded.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.Equal("decision-status", publish.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.Equal(StatusCode.PermissionDenied, intruder.StatusCode);
        Assert.Equal("", registeredRecord.WithdrawalDeadline); // nothing public to withdraw
        Assert.Equal((RevocationKind.ConfirmedVoid, "2026-11-20"), (withdrawn.Decision.RevocationKind, withdrawn.Decision.RevocationDate));
        Assert.True(shown.Withdrawn);
        Assert.Equal((RevocationKind.ConfirmedVoid, "2026-11-20"), (shown.Withdrawal.Kind, shown.Withdrawal.RevocationDate));
    }
}
