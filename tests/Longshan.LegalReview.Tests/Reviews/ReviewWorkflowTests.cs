using System.Text.Json;
using Grpc.Core;
using Longshan.Contracts.LegalReview.V1;
using Longshan.LegalReview.Reviews;
using Longshan.LegalReview.Tests.Support;
using Longshan.Platform.Data;
using Longshan.Platform.Identity;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using static Longshan.LegalReview.Tests.Support.LegalReviewApp;
using ReviewCheck = Longshan.Contracts.LegalReview.V1.ReviewCheck;
using ReviewOpinion = Longshan.Contracts.LegalReview.V1.ReviewOpinion;
using ReviewStatus = Longshan.Contracts.LegalReview.V1.ReviewStatus;

namespace Longshan.LegalReview.Tests.Reviews;

/// <summary>The review workflow through the real gRPC pipeline, SQLite file and broker.</summary>
public sealed class ReviewWorkflowTests(LegalReviewApp app) : IClassFixture<LegalReviewApp>
{
    const string Exchange = "longshan.legalreview.review-completed.v1";

    [Fact]
    public async Task A_review_runs_from_submission_to_approval_and_ReviewCompleted_reaches_a_plain_AMQP_subscriber_with_the_draft_digest()
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(app.BrokerAddress) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, Exchange, "");

        var agency = await app.NewAgencyAsync();
        var (review, reviewer) = await app.UnderReviewAsync(agency);
        review = await app.RecordAllFindingsAsync(review, reviewer);
        var decided = (await app.DecideAsync(review, reviewer, ReviewOpinion.Approve)).Review;

        JsonElement? received = null;
        await Eventually.HoldsAsync(async () =>
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                var body = JsonDocument.Parse(message.Body.ToArray()).RootElement;
                if (body.GetProperty("reviewId").GetString() == review.ReviewId) received = body;
            }
            return received is not null;
        }, "ReviewCompleted at the AMQP subscriber");

        var digest = Materials().DraftDigest;
        Assert.Equal(ReviewStatus.Approved, decided.Status);
        Assert.Equal(digest, decided.ApprovedDigest);
        Assert.Equal("ReviewCompleted", received!.Value.GetProperty("eventType").GetString());
        Assert.Equal(agency, received.Value.GetProperty("agencyCode").GetString());
        Assert.Equal(review.CaseNumber, received.Value.GetProperty("caseNumber").GetString());
        Assert.Equal("approve", received.Value.GetProperty("outcome").GetString());
        Assert.Equal(digest, received.Value.GetProperty("draftDigest").GetString());

        // T15: each step names the person and role; the agency head is the first responsible person.
        var steps = decided.Steps.Select(s => (s.Step, s.PersonId, s.Role)).ToList();
        Assert.Equal(("submit", "person:cbr-" + agency, "handling-unit"), steps[0]);
        Assert.Equal("first-responsible", steps[1].Step);
        Assert.Equal("agency-head", steps[1].Role);
        Assert.Equal("局长刘一", decided.Steps[1].PersonName);
        Assert.Contains(("accept", "person:fzk-" + agency, "reviewing-body"), steps);
        Assert.Contains(("assign", "person:fzk-" + agency, "reviewing-body"), steps);
        Assert.Equal(9, steps.Count(s => s == ("finding", reviewer.Subject, "reviewer")));
        Assert.Equal(("decide", reviewer.Subject, "reviewer"), steps[^1]);
        Assert.Equal(9, decided.Findings.Count);
        // Assignment is audit-logged with the reviewer named.
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'ReviewService/AssignReviewer' AND target = @target",
            new { target = $"{review.ReviewId}#reviewer={reviewer.Subject}" }));
    }

    [Fact]
    public async Task A_returned_request_lists_what_is_missing_and_is_resubmitted_by_its_amendment_keeping_every_version()
    {
        var agency = await app.NewAgencyAsync();
        var review = await app.SubmitAsync(agency);

        var returned = (await app.Reviews.ReturnReviewAsync(new ReturnReviewRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, MissingMaterials = { "听证笔录", "送达回证" },
        }, ReviewingBody(agency))).Review;
        var amendedDraft = Materials("行政处罚决定书（草案，补正后）：罚款人民币五万元。");
        var resubmitted = (await app.Reviews.AmendReviewAsync(new AmendReviewRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Materials = amendedDraft, Note = "补充听证笔录、送达回证",
        }, Officer(agency))).Review;
        var accepted = await app.AcceptAsync(resubmitted);

        Assert.Equal(ReviewStatus.Returned, returned.Status);
        Assert.Equal(["听证笔录", "送达回证"], returned.MissingMaterials);
        Assert.Equal(ReviewStatus.Submitted, resubmitted.Status);
        Assert.Equal(2, resubmitted.MaterialsVersion);
        Assert.Equal([Materials().DraftDigest, amendedDraft.DraftDigest], accepted.Versions.Select(v => v.Materials.DraftDigest));
        Assert.Equal(ReviewStatus.Accepted, accepted.Status);
        Assert.Empty(accepted.MissingMaterials);
        // Accepted Fri 2026-11-27: 7 working days → Tue 2026-12-08.
        Assert.Equal("2026-11-27", accepted.AcceptedOn);
        Assert.Equal("2026-12-08", accepted.ReviewDueOn);
    }

    [Fact]
    public async Task Approve_after_amendment_needs_an_amended_version_and_clears_the_amended_text()
    {
        var agency = await app.NewAgencyAsync();
        var (review, reviewer) = await app.UnderReviewAsync(agency);
        review = await app.RecordAllFindingsAsync(review, reviewer);

        var withoutAmendment = await FailsAsync(app.DecideAsync(review, reviewer, ReviewOpinion.ApproveAfterAmendment, "罚款数额应调整"));
        var amended = Materials("行政处罚决定书（草案，按审核意见修改）：罚款人民币三万元。");
        await app.Reviews.AmendReviewAsync(new AmendReviewRequest { RequestId = Id(), ReviewId = review.ReviewId, Materials = amended, Note = "按审核意见修改" },
            Officer(agency));
        var decided = (await app.DecideAsync(review, reviewer, ReviewOpinion.ApproveAfterAmendment, "罚款数额应调整")).Review;

        Assert.Equal("review-amendment-missing", RuleOf(withoutAmendment));
        Assert.Equal(ReviewStatus.ApprovedAfterAmendment, decided.Status);
        Assert.Equal(amended.DraftDigest, decided.ApprovedDigest);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'ReviewCompleted' AND body LIKE @id AND body LIKE @digest",
            new { id = $"%{review.ReviewId}%", digest = $"%\"draftDigest\":\"{amended.DraftDigest}\"%" }));
    }

    [Fact]
    public async Task Illegal_steps_are_refused_with_their_rule()
    {
        var agency = await app.NewAgencyAsync();
        var (review, reviewer) = await app.UnderReviewAsync(agency);
        var colleague = await app.AddReviewerAsync(agency);

        var acceptTwice = await FailsAsync(app.Reviews.AcceptReviewAsync(new AcceptReviewRequest { RequestId = Id(), ReviewId = review.ReviewId }, ReviewingBody(agency)));
        var byColleague = await FailsAsync(app.Reviews.RecordFindingAsync(new RecordFindingRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Check = ReviewCheck.Facts, Result = FindingResult.Satisfied,
        }, As(colleague, agency)));
        var byOfficer = await FailsAsync(app.Reviews.RecordFindingAsync(new RecordFindingRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Check = ReviewCheck.Facts, Result = FindingResult.Satisfied,
        }, Officer(agency)));
        var problemWithoutNote = await FailsAsync(app.Reviews.RecordFindingAsync(new RecordFindingRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Check = ReviewCheck.Facts, Result = FindingResult.Problem,
        }, As(reviewer, agency)));
        await app.RecordAllFindingsAsync(review, reviewer, AllChecks.Where(c => c != ReviewCheck.CriminalTransfer));
        var eightOfNine = await FailsAsync(app.DecideAsync(review, reviewer, ReviewOpinion.Approve));
        var decideByColleague = await FailsAsync(app.DecideAsync(review, colleague, ReviewOpinion.Approve));

        await app.Reviews.WithdrawReviewAsync(new WithdrawReviewRequest { RequestId = Id(), ReviewId = review.ReviewId, Reason = "当事人已主动改正，案件撤销" }, Officer(agency));
        var approveWithdrawn = await FailsAsync(app.DecideAsync(review, reviewer, ReviewOpinion.Approve));
        var amendWithdrawn = await FailsAsync(app.Reviews.AmendReviewAsync(new AmendReviewRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Materials = Materials(),
        }, Officer(agency)));

        Assert.Equal("review-status", RuleOf(acceptTwice));
        Assert.Equal("review-not-assigned", RuleOf(byColleague));
        Assert.Equal(StatusCode.PermissionDenied, byOfficer.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, problemWithoutNote.StatusCode);
        Assert.Equal("review-checks-incomplete", RuleOf(eightOfNine));
        Assert.Contains("criminal-transfer", eightOfNine.Status.Detail);
        Assert.Equal("review-not-assigned", RuleOf(decideByColleague));
        Assert.Equal("review-status", RuleOf(approveWithdrawn));
        Assert.Equal("review-status", RuleOf(amendWithdrawn));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'ReviewCompleted' AND body LIKE @id",
            new { id = $"%{review.ReviewId}%" }));
    }

    [Fact]
    public async Task Assignment_takes_a_qualified_person_from_the_roster_who_does_not_handle_the_case()
    {
        var agency = await app.NewAgencyAsync();
        var review = await app.AcceptAsync(await app.SubmitAsync(agency));
        var unqualified = await app.AddReviewerAsync(agency, firstTime: true, qualification: "");
        var qualifiedFirstTime = await app.AddReviewerAsync(agency, firstTime: true, qualification: "A20241234567");
        var handler = await app.AddReviewerAsync(agency, name: "张三");
        var otherAgencyStaff = await app.AddReviewerAsync(await app.NewAgencyAsync());

        var notOnRoster = await FailsAsync(app.AssignAsync(review, otherAgencyStaff));
        var notQualified = await FailsAsync(app.AssignAsync(review, unqualified));
        var isHandler = await FailsAsync(app.AssignAsync(review, handler));
        var assigned = await app.AssignAsync(review, qualifiedFirstTime);

        Assert.Equal("reviewer-not-on-roster", RuleOf(notOnRoster));
        Assert.Equal("reviewer-not-qualified", RuleOf(notQualified));
        Assert.Equal("reviewer-is-handler", RuleOf(isHandler));
        Assert.Equal(ReviewStatus.UnderReview, assigned.Status);
        Assert.Equal(qualifiedFirstTime.Subject, assigned.ReviewerId);
        var roster = (await app.Roster.ListReviewersAsync(new ListReviewersRequest { AgencyCode = agency }, TestTokens.Bearer(agency))).Reviewers;
        Assert.False(roster.Single(r => r.PersonId == unqualified.Subject).Qualified);
        Assert.True(roster.Single(r => r.PersonId == qualifiedFirstTime.Subject).Qualified);
    }

    [Fact]
    public async Task The_county_pool_is_assigned_by_the_county_administrator_and_its_lawyer_reviews_with_a_token_of_another_agency()
    {
        var agency = await app.NewAgencyAsync();
        var byAgency = await FailsAsync(app.Roster.AddReviewerAsync(new AddReviewerRequest
        {
            RequestId = Id(), AgencyCode = agency, PersonId = "person:lawyer-x", Name = "公职律师赵六", Kind = ReviewerKind.PublicSectorLawyer,
        }, TestTokens.Bearer(agency)));
        var lawyer = await app.AddReviewerAsync(agency, kind: ReviewerKind.PublicSectorLawyer);
        var review = await app.AssignAsync(await app.AcceptAsync(await app.SubmitAsync(agency)), lawyer);
        var justiceBureau = CreditCodes.New();
        var lawyerToken = TestTokens.Bearer(lawyer, justiceBureau, Roles.Reviewer);
        foreach (var check in AllChecks)
            await app.Reviews.RecordFindingAsync(new RecordFindingRequest { RequestId = Id(), ReviewId = review.ReviewId, Check = check, Result = FindingResult.Satisfied },
                lawyerToken);
        var decided = (await app.Reviews.DecideReviewAsync(new DecideReviewRequest { RequestId = Id(), ReviewId = review.ReviewId, Opinion = ReviewOpinion.Approve },
            lawyerToken)).Review;

        Assert.Equal(StatusCode.PermissionDenied, byAgency.StatusCode);
        Assert.Equal(ReviewStatus.Approved, decided.Status);
    }

    [Fact]
    public async Task A_disagreement_goes_to_coordination_then_collective_discussion_and_back_to_review()
    {
        var agency = await app.NewAgencyAsync();
        var (review, reviewer) = await app.UnderReviewAsync(agency);
        await app.RecordAllFindingsAsync(review, reviewer);
        var disagreed = (await app.DecideAsync(review, reviewer, ReviewOpinion.Disagree, "证据不足以认定违法所得数额")).Review;
        var coordinating = (await app.Reviews.OpenCoordinationAsync(new OpenCoordinationRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Reason = "承办机构认为证据已充分",
        }, Officer(agency))).Review;
        var escalated = (await app.Reviews.EscalateReviewAsync(new EscalateReviewRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Reason = "协调未果，提请集体讨论",
        }, Officer(agency))).Review;
        var twoLeaders = await FailsAsync(app.Reviews.RecordCollectiveDiscussionAsync(new RecordCollectiveDiscussionRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Participants = { "局长刘一", "副局长陈二" }, Outcome = "补充证据后重新审核", ReviewAgain = true,
            HeldOn = "2026-11-27",
        }, Officer(agency)));
        var discussed = (await app.Reviews.RecordCollectiveDiscussionAsync(new RecordCollectiveDiscussionRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Participants = { "局长刘一", "副局长陈二", "副局长孙三" }, Outcome = "补充证据后重新审核",
            ReviewAgain = true, HeldOn = "2026-11-27",
        }, Officer(agency))).Review;
        await app.Reviews.AmendReviewAsync(new AmendReviewRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Materials = Materials("行政处罚决定书（草案，补充证据后）"), Note = "补充银行流水",
        }, Officer(agency));
        var approved = (await app.DecideAsync(review, reviewer, ReviewOpinion.ApproveAfterAmendment, "补充证据后事实清楚")).Review;

        Assert.Equal(ReviewStatus.Disagreed, disagreed.Status);
        Assert.Equal("", disagreed.ApprovedDigest);
        Assert.Equal(ReviewStatus.Coordinating, coordinating.Status);
        Assert.Equal(ReviewStatus.CollectiveDiscussion, escalated.Status);
        Assert.Equal(StatusCode.InvalidArgument, twoLeaders.StatusCode);
        Assert.Equal(ReviewStatus.UnderReview, discussed.Status);
        Assert.Equal(["局长刘一", "副局长陈二", "副局长孙三"], discussed.CollectiveParticipants);
        Assert.Equal("补充证据后重新审核", discussed.CollectiveOutcome);
        Assert.Equal(ReviewOpinion.Unspecified, discussed.Opinion);
        Assert.Equal(ReviewStatus.ApprovedAfterAmendment, approved.Status);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'ReviewEscalated' AND body LIKE @id", new { id = $"%{review.ReviewId}%" }));
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'ReviewCompleted' AND body LIKE @id", new { id = $"%{review.ReviewId}%" }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'ReviewCompleted' AND body LIKE @id AND body LIKE '%\"outcome\":\"disagree\"%'",
            new { id = $"%{review.ReviewId}%" }));
    }

    [Fact]
    public async Task Coordination_that_upholds_the_opinion_closes_the_request_and_a_closed_request_takes_no_step()
    {
        var agency = await app.NewAgencyAsync();
        var (review, reviewer) = await app.UnderReviewAsync(agency);
        await app.RecordAllFindingsAsync(review, reviewer);
        await app.DecideAsync(review, reviewer, ReviewOpinion.Disagree, "超越法定职权");
        await app.Reviews.OpenCoordinationAsync(new OpenCoordinationRequest { RequestId = Id(), ReviewId = review.ReviewId, Reason = "承办机构有异议" }, Officer(agency));
        var closed = (await app.Reviews.ResolveCoordinationAsync(new ResolveCoordinationRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, ReviewAgain = false, Outcome = "承办机构接受审核意见，不作出处罚决定",
        }, ReviewingBody(agency))).Review;
        var withdrawClosed = await FailsAsync(app.Reviews.WithdrawReviewAsync(new WithdrawReviewRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Reason = "撤回",
        }, Officer(agency)));
        var escalateClosed = await FailsAsync(app.Reviews.EscalateReviewAsync(new EscalateReviewRequest
        {
            RequestId = Id(), ReviewId = review.ReviewId, Reason = "再议",
        }, Officer(agency)));

        Assert.Equal(ReviewStatus.Closed, closed.Status);
        Assert.Equal("review-status", RuleOf(withdrawClosed));
        Assert.Equal("review-status", RuleOf(escalateClosed));
    }

    [Fact]
    public async Task Only_a_complex_case_is_extended_once_by_the_complex_case_days_and_only_it_goes_to_collective_discussion_while_under_review()
    {
        var agency = await app.NewAgencyAsync();
        var (simple, _) = await app.UnderReviewAsync(agency);
        var (complex, _) = await app.UnderReviewAsync(agency, complex: true);

        var extendSimple = await FailsAsync(app.Reviews.ExtendReviewAsync(new ExtendReviewRequest { RequestId = Id(), ReviewId = simple.ReviewId, Reason = "案情复杂" }, ReviewingBody(agency)));
        var escalateSimple = await FailsAsync(app.Reviews.EscalateReviewAsync(new EscalateReviewRequest { RequestId = Id(), ReviewId = simple.ReviewId, Reason = "重大" }, Officer(agency)));
        var extended = (await app.Reviews.ExtendReviewAsync(new ExtendReviewRequest { RequestId = Id(), ReviewId = complex.ReviewId, Reason = "涉及多个法律关系" }, ReviewingBody(agency))).Review;
        var extendAgain = await FailsAsync(app.Reviews.ExtendReviewAsync(new ExtendReviewRequest { RequestId = Id(), ReviewId = complex.ReviewId, Reason = "再延" }, ReviewingBody(agency)));
        var escalated = (await app.Reviews.EscalateReviewAsync(new EscalateReviewRequest { RequestId = Id(), ReviewId = complex.ReviewId, Reason = "案情复杂" }, Officer(agency))).Review;

        Assert.Equal("review-extension-not-allowed", RuleOf(extendSimple));
        Assert.Equal("review-status", RuleOf(escalateSimple));
        Assert.Equal("2026-12-08", complex.ReviewDueOn);
        Assert.True(extended.Extended);
        Assert.Equal("2026-12-11", extended.ReviewDueOn); // +3 working days
        Assert.Equal("review-extension-not-allowed", RuleOf(extendAgain));
        Assert.Equal(ReviewStatus.CollectiveDiscussion, escalated.Status);
    }

    [Fact]
    public async Task A_submission_is_checked_normalised_idempotent_and_shows_the_90_day_case_limit()
    {
        var agency = await app.NewAgencyAsync();
        var badDigest = Materials();
        badDigest.DraftDigest = Materials("另一份草案").DraftDigest;
        var mismatch = await FailsAsync(app.SubmitAsync(agency, materials: badDigest));
        var unknownAgency = await FailsAsync(app.SubmitAsync(CreditCodes.New()));
        var number = Random.Shared.Next(1_000_000);
        var request = new SubmitReviewRequest
        {
            RequestId = Id(), AgencyCode = agency, CaseNumber = $"龙市监罚[2026] {number}号", CaseOpenedOn = "2026-09-01", Materials = Materials(),
            AgencyHead = "局长刘一",
        };
        var first = (await app.Reviews.SubmitReviewAsync(request, Officer(agency))).Review;
        var retry = (await app.Reviews.SubmitReviewAsync(request, Officer(agency))).Review;
        var sameCaseAgain = await FailsAsync(app.SubmitAsync(agency, caseNumber: $"龙市监罚【2026】{number}号"));
        var fresh = await app.SubmitAsync(agency, openedOn: "2026-11-20");

        Assert.Equal(StatusCode.InvalidArgument, mismatch.StatusCode);
        Assert.Contains("materials.draft_digest", mismatch.Status.Detail);
        Assert.Equal("agency-not-registered", RuleOf(unknownAgency));
        Assert.Equal(first.ReviewId, retry.ReviewId);
        Assert.Equal($"龙市监罚〔2026〕{number}号", first.CaseNumber);
        Assert.Equal(StatusCode.AlreadyExists, sameCaseAgain.StatusCode);
        // 《行政处罚法》第六十条: 90 calendar days from opening; near within 10 days (today 2026-11-27).
        Assert.Equal("2026-11-30", first.CaseDeadline);
        Assert.True(first.CaseDeadlineNear);
        Assert.Equal("2027-02-18", fresh.CaseDeadline);
        Assert.False(fresh.CaseDeadlineNear);
    }

    [Fact]
    public async Task Of_two_concurrent_opinions_on_one_request_exactly_one_wins()
    {
        var agency = await app.NewAgencyAsync();
        var (review, reviewer) = await app.UnderReviewAsync(agency);
        await app.RecordAllFindingsAsync(review, reviewer);

        var attempts = await Task.WhenAll(
            Outcome(app.DecideAsync(review, reviewer, ReviewOpinion.Approve)),
            Outcome(app.DecideAsync(review, reviewer, ReviewOpinion.Disagree, "不同意")));

        Assert.Single(attempts, a => a is null);
        var loser = Assert.Single(attempts, a => a is not null)!;
        Assert.Contains(loser.StatusCode, new[] { StatusCode.FailedPrecondition, StatusCode.Aborted });
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'ReviewCompleted' AND body LIKE @id", new { id = $"%{review.ReviewId}%" }));
    }

    [Fact]
    public async Task A_change_stored_at_a_version_someone_else_changed_meanwhile_is_not_stored()
    {
        var agency = await app.NewAgencyAsync();
        var review = await app.SubmitAsync(agency);
        var database = app.Services.GetRequiredService<Database>();
        var store = app.Services.GetRequiredService<ReviewStore>();
        ReviewRow stale;
        await using (var read = await database.ReadAsync(CancellationToken.None))
            stale = (await store.FindAsync(read, review.ReviewId))!;
        await app.AcceptAsync(review);

        await using var write = await database.WriteAsync(CancellationToken.None);
        var stored = await store.UpdateAsync(write, stale.With(Longshan.LegalReview.Reviews.ReviewStatus.Returned));

        Assert.False(stored);
    }

    static async Task<RpcException?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (RpcException e)
        {
            return e;
        }
    }
}
