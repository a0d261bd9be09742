using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Decisions.DecisionData;
using static Longshan.Publicity.Tests.Officers.OfficerTestData;

namespace Longshan.Publicity.Tests.Inspections;

/// <summary>
/// Inspection results (issue 12 point 3): several results per target, corrections with history. The earlier result stays
/// on record, shown as corrected; a correction is masked like any result.
/// </summary>
public sealed class InspectionResultHistoryTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly InspectionService.InspectionServiceClient client = new(app.Channel);
    readonly InspectionDrawing drawing = new(app);

    PublishInspectionResultRequest Result(InspectionDraw draw, int target, string outcome) => new()
    {
        RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = draw.Assignments[target].TargetId,
        InspectedOn = Date(Today(app)), Outcome = outcome,
    };

    async Task<InspectionDraw> DrawAsync(string agency, int pool = 3, int count = 2)
    {
        for (var i = 0; i < 2; i++) await IssueAsync(app, agency, $"检查员{i}");
        return await drawing.DrawAsync(agency, InspectionDrawing.Pool(pool), count);
    }

    [Fact]
    public async Task A_correction_names_the_result_it_corrects_which_stays_listed_as_corrected()
    {
        var agency = await RegisterAgencyAsync(app);
        var draw = await DrawAsync(agency);
        var token = TestTokens.Bearer(agency);

        var first = (await client.PublishInspectionResultAsync(Result(draw, 0, "未发现问题"), token)).Result;
        var correctionRequest = Result(draw, 0, "发现问题，已责令限期改正");
        correctionRequest.Corrects = first.ResultId;
        correctionRequest.CorrectionReason = "原公开结果录入错误";
        var correction = await client.PublishInspectionResultAsync(correctionRequest, token);
        var listed = (await client.ListInspectionResultsAsync(new ListInspectionResultsRequest { AgencyCode = agency, DrawId = draw.DrawId }, Anonymous)).Results;

        Assert.Equal(first.ResultId, correction.Result.Corrects);
        Assert.Equal("原公开结果录入错误", correction.Result.CorrectionReason);
        Assert.True(correction.OnTime);
        Assert.Equal(first.PublicationDeadline, correction.Result.PublicationDeadline);
        Assert.Equal([correction.Result.ResultId, first.ResultId], listed.Select(r => r.ResultId));
        Assert.Equal((correction.Result.ResultId, "未发现问题"), (listed[1].CorrectedBy, listed[1].Outcome));
        Assert.Equal("", listed[0].CorrectedBy);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'InspectionResultPublished' AND body LIKE @corrects",
            new { corrects = $"%\"corrects\":\"{first.ResultId}\"%" }));
    }

    [Fact]
    public async Task Only_the_latest_result_is_corrected_and_a_correction_needs_a_reason_and_the_same_target()
    {
        var agency = await RegisterAgencyAsync(app);
        var draw = await DrawAsync(agency);
        var token = TestTokens.Bearer(agency);
        var first = (await client.PublishInspectionResultAsync(Result(draw, 0, "未发现问题"), token)).Result;
        var other = (await client.PublishInspectionResultAsync(Result(draw, 1, "未发现问题"), token)).Result;
        PublishInspectionResultRequest Correct(string corrects, int target = 0, string reason = "录入错误")
        {
            var request = Result(draw, target, "发现问题，已责令改正");
            request.Corrects = corrects;
            request.CorrectionReason = reason;
            return request;
        }

        var sameDay = await InspectionDrawing.FailsAsync(() => client.PublishInspectionResultAsync(Result(draw, 0, "发现问题"), token).ResponseAsync);
        var noReason = await InspectionDrawing.FailsAsync(() => client.PublishInspectionResultAsync(Correct(first.ResultId, reason: ""), token).ResponseAsync);
        var otherTarget = await InspectionDrawing.FailsAsync(() => client.PublishInspectionResultAsync(Correct(other.ResultId, target: 0), token).ResponseAsync);
        var unknown = await InspectionDrawing.FailsAsync(() => client.PublishInspectionResultAsync(Correct(Guid.NewGuid().ToString()), token).ResponseAsync);
        var correction = (await client.PublishInspectionResultAsync(Correct(first.ResultId), token)).Result;
        var again = await InspectionDrawing.FailsAsync(() => client.PublishInspectionResultAsync(Correct(first.ResultId), token).ResponseAsync);
        var ofCorrection = (await client.PublishInspectionResultAsync(Correct(correction.ResultId, reason: "二次更正"), token)).Result;
        var anotherAgency = await RegisterAgencyAsync(app, "龙山县交通运输局");
        var foreign = await InspectionDrawing.FailsAsync(() => client.PublishInspectionResultAsync(Correct(ofCorrection.ResultId), TestTokens.Bearer(anotherAgency)).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, sameDay.StatusCode);
        Assert.Equal("correction_reason", noReason.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal("corrects", otherTarget.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal("inspection-result-already-corrected", again.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.Equal(correction.ResultId, ofCorrection.Corrects);
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Equal(4, await app.CountAsync("SELECT COUNT(*) FROM inspection_results WHERE agency_code = @agency", new { agency }));
    }

    [Fact]
    public async Task A_correction_reason_is_masked_like_the_outcome()
    {
        var agency = await RegisterAgencyAsync(app);
        var draw = await DrawAsync(agency);
        var token = TestTokens.Bearer(agency);
        var first = (await client.PublishInspectionResultAsync(Result(draw, 0, "未发现问题"), token)).Result;
        var request = Result(draw, 0, InspectionEndpointTests.OutcomeWithPersonalData);
        request.OtherPersonNames.Add("王小明");
        request.Corrects = first.ResultId;
        request.CorrectionReason = "原结果遗漏雇员王小明（电话13812345678）的陈述";

        var correction = (await client.PublishInspectionResultAsync(request, token)).Result;
        var listed = (await client.ListInspectionResultsAsync(new ListInspectionResultsRequest { AgencyCode = agency }, Anonymous)).Results[0];

        foreach (var result in new[] { correction, listed })
        {
            Assert.Equal(InspectionEndpointTests.MaskedOutcome, result.Outcome);
            Assert.Equal("原结果遗漏雇员王**（电话138****5678）的陈述", result.CorrectionReason);
        }
        Assert.Equal(0, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND (body LIKE '%王小明%' OR body LIKE '%13812345678%')", new { agency }));
    }

    [Fact]
    public async Task The_end_of_inspection_must_not_be_before_the_inspection_day_nor_in_the_future()
    {
        var agency = await RegisterAgencyAsync(app);
        var draw = await DrawAsync(agency);
        var token = TestTokens.Bearer(agency);
        var future = Result(draw, 0, "未发现问题");
        future.InspectionEndedOn = Date(Today(app).AddDays(1));
        var before = Result(draw, 0, "未发现问题");
        before.InspectionEndedOn = Date(Today(app).AddDays(-1));
        var end = new RecordInspectionEndRequest { RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = "not-drawn", EndedOn = Date(Today(app)) };

        var futureFails = await InspectionDrawing.FailsAsync(() => client.PublishInspectionResultAsync(future, token).ResponseAsync);
        var beforeFails = await InspectionDrawing.FailsAsync(() => client.PublishInspectionResultAsync(before, token).ResponseAsync);
        var undrawn = await InspectionDrawing.FailsAsync(() => client.RecordInspectionEndAsync(end, token).ResponseAsync);

        Assert.Equal("inspection_ended_on", futureFails.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal("inspection_ended_on", beforeFails.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal("target_id", undrawn.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}

/// <summary>
/// 国办发〔2018〕118号: a result is published within 20 working days of the end of the inspection; InspectionResultOverdue is
/// raised once by the deadline watch for one still outstanding or published late. Own app: its clock moves.
/// </summary>
public sealed class InspectionResultDeadlineTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    readonly InspectionService.InspectionServiceClient client = new(app.Channel);

    Task<long> OverdueAsync(string drawId, string targetId) => app.CountAsync(
        "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'InspectionResultOverdue' AND body LIKE @draw AND body LIKE @target",
        new { draw = $"%{drawId}%", target = $"%\"targetId\":\"{targetId}\"%" });

    [Fact]
    public async Task An_outstanding_result_raises_InspectionResultOverdue_once_after_the_twentieth_working_day_ends()
    {
        var agency = await RegisterAgencyAsync(app);
        for (var i = 0; i < 2; i++) await IssueAsync(app, agency, $"检查员{i}");
        var draw = await InspectionDrawing.DrawAsync(app, agency, 4, 3);
        var (outstanding, onTime, late) = (draw.Assignments[0].TargetId, draw.Assignments[1].TargetId, draw.Assignments[2].TargetId);
        var token = TestTokens.Bearer(agency);
        RecordInspectionEndRequest End(string target) => new() { RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = target, EndedOn = "2026-11-27" };
        PublishInspectionResultRequest Result(string target, string inspectedOn, string outcome = "未发现问题") => new()
        {
            RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = target, InspectedOn = inspectedOn, InspectionEndedOn = "2026-11-27", Outcome = outcome,
        };

        // Ended Fri 2026-11-27: 20 working days → Fri 2026-12-25.
        var recorded = await client.RecordInspectionEndAsync(End(outstanding), token);
        var recordedAgain = await client.RecordInspectionEndAsync(End(outstanding), token);
        await client.RecordInspectionEndAsync(End(late), token);
        var published = await client.PublishInspectionResultAsync(Result(onTime, "2026-11-27"), token);
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 25, 23, 59, 0, Beijing));
        var beforeEnd = await OverdueAsync(draw.DrawId, outstanding);
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 26, 0, 1, 0, Beijing));
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 26, 9, 0, 0, Beijing));
        var lateResult = await client.PublishInspectionResultAsync(Result(late, "2026-11-27"), token);
        // A follow-up inspection (复查) of the same target on another day is a second result, due from its own end.
        var followUp = Result(onTime, "2026-12-28", "复查：已整改");
        followUp.InspectionEndedOn = "";
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 28, 9, 0, 0, Beijing));
        var second = await client.PublishInspectionResultAsync(followUp, token);
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 29, 9, 0, 0, Beijing));

        Assert.Equal(("2026-12-25", "2026-12-25"), (recorded.PublicationDeadline, recordedAgain.PublicationDeadline));
        Assert.Equal(("2026-12-25", "2026-11-27", "2026-11-27", true), (published.Result.PublicationDeadline, published.Result.InspectionEndedOn, published.Result.PublishedOn, published.OnTime));
        Assert.Equal(0, beforeEnd);
        Assert.Equal(1, await OverdueAsync(draw.DrawId, outstanding));
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'InspectionResultOverdue' AND body LIKE @target AND body LIKE '%\"publishedOn\":null%' AND body LIKE '%\"publicationDeadline\":\"2026-12-25\"%'",
            new { target = $"%\"targetId\":\"{outstanding}\"%" }));
        Assert.False(lateResult.OnTime);
        Assert.Equal("2026-12-26", lateResult.Result.PublishedOn);
        Assert.Equal(1, await OverdueAsync(draw.DrawId, late)); // raised while outstanding; the late publication does not raise it again
        Assert.Equal(0, await OverdueAsync(draw.DrawId, onTime));
        // 2027's holidays are not configured: the follow-up's deadline is pending (the watch computes it once they are).
        Assert.Equal(("2026-12-28", ""), (second.Result.InspectionEndedOn, second.Result.PublicationDeadline));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM inspection_result_deadlines WHERE draw_id = @draw AND deadline IS NULL", new { draw = draw.DrawId }));
        var listed = (await client.ListInspectionResultsAsync(new ListInspectionResultsRequest { AgencyCode = agency, DrawId = draw.DrawId }, Anonymous)).Results;
        Assert.Equal(2, listed.Count(r => r.TargetId == onTime && r.CorrectedBy == ""));
    }

}

/// <summary>A late result with no recorded end: its end is its inspection day; the event carries the publication day. Own app.</summary>
public sealed class InspectionResultLatePublicationTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_result_published_late_without_a_recorded_end_raises_the_overdue_event_with_its_publication_day()
    {
        var client = new InspectionService.InspectionServiceClient(app.Channel);
        var agency = await RegisterAgencyAsync(app);
        for (var i = 0; i < 2; i++) await IssueAsync(app, agency, $"检查员{i}");
        var draw = await InspectionDrawing.DrawAsync(app, agency, 2, 1);
        var target = draw.Assignments[0].TargetId;
        // Inspected (and ended) Fri 2026-11-27 → deadline Fri 2026-12-25; published Mon 2026-12-28.
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 28, 9, 0, 0, Beijing));

        var response = await client.PublishInspectionResultAsync(new PublishInspectionResultRequest
        {
            RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = target, InspectedOn = "2026-11-27", Outcome = "未发现问题",
        }, TestTokens.Bearer(agency));
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 29, 0, 1, 0, Beijing));
        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 29, 9, 0, 0, Beijing));

        Assert.Equal(("2026-11-27", "2026-12-25", false), (response.Result.InspectionEndedOn, response.Result.PublicationDeadline, response.OnTime));
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'InspectionResultOverdue' AND body LIKE @target AND body LIKE '%\"publishedOn\":\"2026-12-28\"%'",
            new { target = $"%\"targetId\":\"{target}\"%" }));
    }
}
