using Grpc.Core;
using Longshan.Contracts.Archive.V1;
using Longshan.Contracts.Events.LegalReview;
using Longshan.RecordingArchive.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Longshan.RecordingArchive.Tests.Support.Uploads;

namespace Longshan.RecordingArchive.Tests.Cases;

public sealed class ArchivingTests(ArchiveApp app) : IClassFixture<ArchiveApp>
{
    async Task PublishReviewAsync(string agency, string reviewId, string caseNumber, string outcome, int minutesAgo)
    {
        await app.PublishAsAsync("legalreview", new ReviewCompleted
        {
            EventId = Guid.NewGuid(), OccurredAt = app.Clock.GetUtcNow(), AgencyCode = agency, ReviewId = reviewId, CaseNumber = caseNumber,
            Outcome = outcome, CompletedAt = app.Clock.GetUtcNow().AddMinutes(-minutesAgo),
        });
        await Eventually.HoldsAsync(async () => await app.CountAsync("SELECT COUNT(*) FROM review_clearances WHERE review_id = @reviewId AND outcome = @outcome",
            new { reviewId, outcome }) == 1, $"review {reviewId} {outcome} is stored");
    }

    [Fact]
    public async Task Archiving_lists_every_missing_item_then_seals_a_complete_case_with_its_passed_review_and_publishes_CaseArchived()
    {
        var data = await CaseData.NewAsync(app);
        var caseFile = await data.OpenAsync("龙市监罚（2026）7号", isMajor: true, "sealing-seizure", "on-site-inspection");
        await data.AddAsync(caseFile.CaseId, "case-opening-approval");

        var first = await FailsAsync(async () => await data.Cases.ArchiveCaseAsync(data.ArchiveRequest(caseFile.CaseId), data.Token));

        Assert.Equal(StatusCode.FailedPrecondition, first.StatusCode);
        Assert.Equal(
            ["archive-missing-investigation-record", "archive-missing-penalty-notice", "archive-missing-statement-or-hearing", "review-clearance-missing",
             "archive-missing-decision", "archive-missing-proof-of-service", "archive-missing-execution-record", "archive-missing-audio-video"],
            RulesOf(first));
        Assert.Equal("sealing-seizure", first.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations[^1].Subject);

        await data.CompletePenaltyAsync(caseFile.CaseId);
        await data.AddVideoAsync(caseFile.CaseId, "sealing-seizure");
        var reviewId = "LS-FZSH-" + Guid.NewGuid().ToString("N")[..8];
        await PublishReviewAsync(data.Agency, reviewId, "龙市监罚〔2026〕7号", ReviewCompleted.Disagree, minutesAgo: 30);
        var disagreed = await FailsAsync(async () => await data.Cases.ArchiveCaseAsync(data.ArchiveRequest(caseFile.CaseId), data.Token));
        // The re-review, typed with other brackets, passes: the case number is compared normalised.
        await PublishReviewAsync(data.Agency, reviewId, "龙市监罚[2026]7号", ReviewCompleted.Approve, minutesAgo: 10);

        var sealedCase = (await data.Cases.ArchiveCaseAsync(data.ArchiveRequest(caseFile.CaseId, "permanent"), data.Token)).CaseFile;

        Assert.Equal(["review-clearance-not-passed"], RulesOf(disagreed));
        Assert.Equal(("archived", "permanent", data.Today), (sealedCase.Status, sealedCase.Retention, sealedCase.ClosedOn));
        Assert.Equal(9, sealedCase.Records.Count);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'CaseArchived' AND body LIKE @id AND body LIKE '%\"retention\":\"permanent\"%' AND body LIKE '%\"recordCount\":9%'",
            new { id = $"%{caseFile.CaseId}%" }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM archive_log WHERE kind = 'case-archived' AND subject = @id", new { id = caseFile.CaseId }));
    }

    [Fact]
    public async Task A_sealed_case_never_changes_and_a_correction_is_a_new_record_referencing_the_one_it_corrects()
    {
        var data = await CaseData.NewAsync(app);
        var caseFile = await data.OpenAsync();
        await data.CompletePenaltyAsync(caseFile.CaseId);
        await data.Cases.ArchiveCaseAsync(data.ArchiveRequest(caseFile.CaseId), data.Token);
        var decision = (await data.Cases.GetCaseAsync(new GetCaseRequest { CaseId = caseFile.CaseId, RetrievalId = await OwnRetrievalAsync(data, caseFile.CaseId) }, data.Token))
            .CaseFile.Records.Single(r => r.Kind == "decision");

        var added = await FailsAsync(() => data.AddAsync(caseFile.CaseId, "evidence-document"));
        var staged = await FailsAsync(async () => await data.Cases.AdvanceStageAsync(
            new AdvanceStageRequest { RequestId = Guid.NewGuid().ToString(), CaseId = caseFile.CaseId, Stage = "execution", OnDate = data.Today }, data.Token));
        var shown = await FailsAsync(async () => await data.Cases.RecordInProcessAsync(new RecordInProcessRequest
        {
            RequestId = Guid.NewGuid().ToString(), CaseId = caseFile.CaseId, OccurredOn = data.Today, CertificatesShown = { data.OfficerA }, RightsExplained = { "陈述权" },
        }, data.Token));
        var again = await FailsAsync(async () => await data.Cases.ArchiveCaseAsync(data.ArchiveRequest(caseFile.CaseId), data.Token));
        var correction = await data.RecordRequestAsync(caseFile.CaseId, "correction");
        correction.CorrectsRecordId = decision.RecordId;
        var corrected = (await data.Cases.AddRecordAsync(correction, data.Token)).Record;

        Assert.Equal("case-sealed", RuleOf(added));
        Assert.Equal("case-sealed", RuleOf(staged));
        Assert.Equal("case-sealed", RuleOf(shown));
        Assert.Equal("case-sealed", RuleOf(again));
        Assert.Equal(decision.RecordId, corrected.CorrectsRecordId);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM case_records WHERE record_id = @id AND kind = 'decision'", new { id = decision.RecordId }));
    }

    [Fact]
    public async Task A_case_without_mandatory_activities_or_major_decision_is_archived_on_the_default_list_with_the_default_retention()
    {
        var data = await CaseData.NewAsync(app);
        var caseFile = await data.OpenAsync(activities: "on-site-inspection");
        await data.CompletePenaltyAsync(caseFile.CaseId);

        var sealedCase = (await data.Cases.ArchiveCaseAsync(data.ArchiveRequest(caseFile.CaseId), data.Token)).CaseFile;

        Assert.Equal(("archived", "30-years"), (sealedCase.Status, sealedCase.Retention));
    }

    /// <summary>Reading one's own archived case is a retrieval too (T9); this agency needs a second person's approval.</summary>
    static async Task<string> OwnRetrievalAsync(CaseData data, string caseId)
    {
        var retrievals = new RetrievalService.RetrievalServiceClient(data.Channel);
        var requested = (await retrievals.RequestRetrievalAsync(new RequestRetrievalRequest { RequestId = Guid.NewGuid().ToString(), CaseId = caseId, Reason = "更正决定书" }, data.Token)).Retrieval;
        var approver = TestTokens.Bearer(new TestPerson("chief:" + Guid.NewGuid().ToString("N")[..6], "科长"), data.Agency, Longshan.Platform.Identity.Roles.Officer);
        await retrievals.ApproveRetrievalAsync(new ApproveRetrievalRequest { RequestId = Guid.NewGuid().ToString(), RetrievalId = requested.RetrievalId }, approver);
        return requested.RetrievalId;
    }
}
