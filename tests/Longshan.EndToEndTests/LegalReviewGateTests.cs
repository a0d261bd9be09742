using System.Security.Cryptography;
using System.Text;
using Dapper;
using Google.Rpc;
using Grpc.Core;
using Longshan.Platform.Calendar;
using Longshan.Platform.Identity;
using static Longshan.EndToEndTests.Support;
using LegalReview = Longshan.Contracts.LegalReview.V1;
using Publicity = Longshan.Contracts.Publicity.V1;

namespace Longshan.EndToEndTests;

/// <summary>
/// Issue 9 end to end: a legal review (法制审核) run in LegalReview clears a major decision (重大执法决定, APL art. 58) in
/// Publicity only through ReviewCompleted travelling over RabbitMQ; a disagreeing opinion never clears it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LegalReviewGateTests(PlatformFixture fixture)
{
    readonly Platform platform = fixture.Platform;

    LegalReview.ReviewService.ReviewServiceClient Reviews => new(platform.Channel("legalreview"));
    LegalReview.ReviewerRosterService.ReviewerRosterServiceClient Roster => new(platform.Channel("legalreview"));
    Publicity.DecisionService.DecisionServiceClient Decisions => new(platform.Channel("publicity"));

    [Fact]
    public async Task An_approved_review_reaches_publicity_through_the_broker_and_clears_the_major_decision_with_the_same_digest()
    {
        var agency = await RegisteredAgencyAsync();
        var draft = "龙山县市场监督管理局行政处罚决定书（草案）：罚款人民币五万元。" + Guid.NewGuid();
        var digest = Sha256(draft);

        var (review, decided) = await ReviewAsync(agency, draft, LegalReview.ReviewOpinion.Approve);
        await WaitForClearanceAsync(review.ReviewId, passed: true);
        var decisionId = await RegisterMajorDecisionAsync(agency, review.CaseNumber, review.ReviewId, digest);
        var published = await Decisions.PublishDecisionAsync(Publish(decisionId), TestTokens.Bearer(agency));

        Assert.Equal(LegalReview.ReviewStatus.Approved, decided.Status);
        Assert.Equal(digest, decided.ApprovedDigest);
        Assert.Equal(9, decided.Findings.Count);
        Assert.Equal(digest, await platform.QueryAsync("publicity", c => c.QuerySingleAsync<string>(
            "SELECT draft_digest FROM review_clearances WHERE review_id = @id", new { id = review.ReviewId })));
        Assert.Equal(decisionId, published.Decision.DecisionId);
        Assert.Equal(1, await platform.QueryAsync("publicity", c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM public_decisions WHERE decision_id = @decisionId", new { decisionId })));
    }

    [Fact]
    public async Task A_disagreeing_review_reaches_publicity_and_the_major_decision_is_refused_publication()
    {
        var agency = await RegisteredAgencyAsync();
        var draft = "龙山县市场监督管理局行政处罚决定书（草案）：罚款人民币八万元。" + Guid.NewGuid();

        var (review, decided) = await ReviewAsync(agency, draft, LegalReview.ReviewOpinion.Disagree, "证据不足以认定违法所得数额");
        await WaitForClearanceAsync(review.ReviewId, passed: false);
        var decisionId = await RegisterMajorDecisionAsync(agency, review.CaseNumber, review.ReviewId, Sha256(draft));
        var refused = await Assert.ThrowsAsync<RpcException>(() => Decisions.PublishDecisionAsync(Publish(decisionId), TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(LegalReview.ReviewStatus.Disagreed, decided.Status);
        Assert.Equal("", decided.ApprovedDigest);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal("review-clearance-not-passed", refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0].Type);
        Assert.Equal(0, await platform.QueryAsync("publicity", c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM public_decisions WHERE decision_id = @decisionId", new { decisionId })));
    }

    /// <summary>Registers the agency in Publicity (county administrator) and waits until LegalReview learned it from AgencyRegistered.</summary>
    async Task<string> RegisteredAgencyAsync()
    {
        var code = CreditCodes.New();
        await new Publicity.AgencyService.AgencyServiceClient(platform.Channel("publicity"))
            .RegisterAgencyAsync(Registration(code), TestTokens.Bearer(CreditCodes.New(), Roles.CountyAdmin));
        await Eventually.HoldsAsync(() => KnownToLegalReviewAsync(code), $"legal review learns agency {code}", within: TimeSpan.FromMinutes(2));
        return code;
    }

    async Task<bool> KnownToLegalReviewAsync(string code)
    {
        try
        {
            await new LegalReview.LegalReviewService.LegalReviewServiceClient(platform.Channel("legalreview"))
                .GetKnownAgencyAsync(new LegalReview.GetKnownAgencyRequest { CreditCode = code }, TestTokens.Bearer(CreditCodes.New(), Roles.DataCenter));
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>Submit, accept, add a qualified reviewer to the roster, assign, record every finding, decide.</summary>
    async Task<(LegalReview.Review Review, LegalReview.Review Decided)> ReviewAsync(string agency, string draft, LegalReview.ReviewOpinion opinion,
        string reasons = "事实清楚，证据确凿，适用依据正确，程序合法")
    {
        var officer = TestTokens.Bearer(new TestPerson("person:cbr-" + agency, "承办人张三"), agency, Roles.Officer);
        var reviewingBody = TestTokens.Bearer(new TestPerson("person:fzk-" + agency, "法制科科长"), agency, Roles.Reviewer);
        var reviewer = new TestPerson("person:" + Guid.NewGuid().ToString("N")[..10], "李审核");
        var today = CountyTime.Today(TimeProvider.System);

        var submitted = (await Reviews.SubmitReviewAsync(new LegalReview.SubmitReviewRequest
        {
            RequestId = Id(), AgencyCode = agency, CaseNumber = $"龙市监罚〔{today.Year}〕{Random.Shared.Next(1_000_000)}号",
            CaseOpenedOn = CountyTime.Format(today.AddDays(-10)), AgencyHead = "局长刘一",
            Materials = new LegalReview.ReviewMaterials
            {
                DraftContent = draft, DraftDigest = Sha256(draft),
                Party = new LegalReview.Party { Kind = LegalReview.PartyKind.Organisation, Name = "龙山县某食品有限公司", Identifier = "91433130MA4L123456" },
                Facts = "当事人经营超过保质期的食品。",
                EvidenceRefs = { "rec-2026-001", "rec-2026-002" },
                LegalBasis = { "《中华人民共和国食品安全法》第一百二十四条" },
                Discretion = "一般情形，按基准中间值处罚。",
                HandlingUnit = "食品安全监督管理股",
                ResponsibleOfficers = { "张三", "王五" },
            },
        }, officer)).Review;
        await Reviews.AcceptReviewAsync(new LegalReview.AcceptReviewRequest { RequestId = Id(), ReviewId = submitted.ReviewId }, reviewingBody);
        await Roster.AddReviewerAsync(new LegalReview.AddReviewerRequest
        {
            RequestId = Id(), AgencyCode = agency, PersonId = reviewer.Subject, Name = reviewer.Name!, Kind = LegalReview.ReviewerKind.AgencyStaff,
            QualificationNumber = "A20231234567",
        }, TestTokens.Bearer(agency));
        var assigned = (await Reviews.AssignReviewerAsync(new LegalReview.AssignReviewerRequest
        {
            RequestId = Id(), ReviewId = submitted.ReviewId, ReviewerId = reviewer.Subject,
        }, reviewingBody)).Review;
        Assert.Equal(LegalReview.ReviewStatus.UnderReview, assigned.Status);

        var asReviewer = TestTokens.Bearer(reviewer, agency, Roles.Reviewer);
        foreach (var check in Enum.GetValues<LegalReview.ReviewCheck>().Where(c => c != LegalReview.ReviewCheck.Unspecified))
            await Reviews.RecordFindingAsync(new LegalReview.RecordFindingRequest
            {
                RequestId = Id(), ReviewId = submitted.ReviewId, Check = check, Result = LegalReview.FindingResult.Satisfied,
            }, asReviewer);
        var decided = (await Reviews.DecideReviewAsync(new LegalReview.DecideReviewRequest
        {
            RequestId = Id(), ReviewId = submitted.ReviewId, Opinion = opinion, Reasons = reasons,
        }, asReviewer)).Review;
        return (submitted, decided);
    }

    /// <summary>ReviewCompleted: LegalReview's outbox → RabbitMQ → Publicity's consumer stores the clearance.</summary>
    async Task WaitForClearanceAsync(string reviewId, bool passed) =>
        await Eventually.HoldsAsync(async () => await platform.QueryAsync("publicity", c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM review_clearances WHERE review_id = @reviewId AND passed = @passed", new { reviewId, passed = passed ? 1 : 0 })) == 1,
            $"publicity stores review {reviewId} (passed = {passed})", within: TimeSpan.FromMinutes(2));

    async Task<string> RegisterMajorDecisionAsync(string agency, string caseNumber, string reviewId, string digest) =>
        (await Decisions.RegisterDecisionAsync(new Publicity.RegisterDecisionRequest
        {
            RequestId = Id(), AgencyCode = agency, CaseNumber = caseNumber, Category = Publicity.DecisionCategory.Penalty,
            DecisionDate = CountyTime.Format(CountyTime.Today(TimeProvider.System)), IsMajor = true, ReviewClearanceReference = reviewId,
            ContentDigest = digest,
            Content = new Publicity.DecisionContent
            {
                Party = new Publicity.Party { Kind = Publicity.PartyKind.Organisation, Name = "龙山县某食品有限公司", CreditCode = CreditCodes.New() },
                Facts = "当事人于2026年9月20日在其经营的店铺销售超过保质期的食品。",
                LegalBasis = { new Publicity.LegalBasis { Law = "《中华人民共和国食品安全法》", Article = "第一百二十四条第一款第（一）项" } },
                Penalties = { new Publicity.Penalty { Kind = Publicity.PenaltyKind.Fine, AmountFen = 5_000_000 } },
                Conclusion = "罚款人民币伍万元",
            },
        }, TestTokens.Bearer(agency))).Decision.DecisionId;

    static Publicity.PublishDecisionRequest Publish(string decisionId) => new() { RequestId = Id(), DecisionId = decisionId };

    static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    static string Id() => Guid.NewGuid().ToString();
}
