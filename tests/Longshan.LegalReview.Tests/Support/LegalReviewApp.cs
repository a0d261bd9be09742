using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Events.Publicity;
using Longshan.Contracts.LegalReview.V1;
using ReviewValidation = Longshan.LegalReview.Reviews.ReviewValidation;
using Longshan.Platform.Identity;

namespace Longshan.LegalReview.Tests.Support;

/// <summary>
/// The LegalReview service in-process with its own SQLite file, a real RabbitMQ node (one per test run) and a fake
/// clock (2026-11-27 10:00 Beijing, a Friday). One instance per test class.
/// </summary>
public class LegalReviewApp() : ServiceApp<Program>("legalreview")
{
    public ReviewService.ReviewServiceClient Reviews => new(Channel);

    public ReviewerRosterService.ReviewerRosterServiceClient Roster => new(Channel);

    /// <summary>
    /// A new agency as Publicity announces it: AgencyRegistered through the broker into this service's consumer
    /// (LegalReview learns agencies only from events); returns its credit code once it is known here.
    /// </summary>
    public async Task<string> NewAgencyAsync()
    {
        var code = CreditCodes.New();
        await PublishAsAsync("publicity", new AgencyRegistered
        {
            EventId = Guid.NewGuid(), OccurredAt = Clock.GetUtcNow(), AgencyCode = code, Name = "龙山县市场监督管理局", Kind = "county-department",
            RemedyChannels = [new("reconsideration", "龙山县人民政府", "0743-6221234")],
        });
        await Eventually.HoldsAsync(async () => await CountAsync("SELECT COUNT(*) FROM known_agencies WHERE credit_code = @code", new { code }) == 1,
            $"agency {code} is known");
        return code;
    }

    /// <summary>Puts a person on the agency's roster (agency staff by the agency itself; pool kinds by the county administrator).</summary>
    public async Task<TestPerson> AddReviewerAsync(string agency, bool firstTime = false, string qualification = "A20231234567",
        ReviewerKind kind = ReviewerKind.AgencyStaff, string? name = null)
    {
        var person = new TestPerson("person:" + Guid.NewGuid().ToString("N")[..10], name ?? "李审核" + Random.Shared.Next(1000));
        var token = kind == ReviewerKind.AgencyStaff ? TestTokens.Bearer(agency) : TestTokens.Bearer(CreditCodes.New(), Roles.CountyAdmin);
        await Roster.AddReviewerAsync(new AddReviewerRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, PersonId = person.Subject, Name = person.Name!, Kind = kind,
            FirstTime = firstTime, QualificationNumber = qualification,
        }, token);
        return person;
    }

    /// <summary>The agency's legal-review body (reviewer role of the agency) — accepts, returns, assigns.</summary>
    public static Metadata ReviewingBody(string agency) => TestTokens.Bearer(new TestPerson("person:fzk-" + agency, "法制科科长"), agency, Roles.Reviewer);

    /// <summary>The handling unit's officer.</summary>
    public static Metadata Officer(string agency) => TestTokens.Bearer(new TestPerson("person:cbr-" + agency, "承办人张三"), agency, Roles.Officer);

    /// <summary>The reviewer's own token.</summary>
    public static Metadata As(TestPerson reviewer, string agency) => TestTokens.Bearer(reviewer, agency, Roles.Reviewer);

    public static ReviewMaterials Materials(string draft = "龙山县市场监督管理局行政处罚决定书（草案）：罚款人民币五万元。") => new()
    {
        DraftContent = draft,
        DraftDigest = ReviewValidation.Digest(draft),
        Party = new Party { Kind = PartyKind.Organisation, Name = "龙山县某食品有限公司", Identifier = "91433130MA4L123456" },
        Facts = "当事人经营超过保质期的食品。",
        EvidenceRefs = { "rec-2026-001", "rec-2026-002" },
        LegalBasis = { "《中华人民共和国食品安全法》第一百二十四条" },
        Discretion = "一般情形，按基准中间值处罚。",
        HandlingUnit = "食品安全监督管理股",
        ResponsibleOfficers = { "张三", "王五" },
    };

    public async Task<Review> SubmitAsync(string agency, bool complex = false, string? caseNumber = null, string openedOn = "2026-11-20",
        ReviewMaterials? materials = null) =>
        (await Reviews.SubmitReviewAsync(new SubmitReviewRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, CaseNumber = caseNumber ?? $"龙市监罚〔2026〕{Random.Shared.Next(1_000_000)}号",
            CaseOpenedOn = openedOn, Materials = materials ?? Materials(), ComplexCase = complex, AgencyHead = "局长刘一",
        }, Officer(agency))).Review;

    public async Task<Review> AcceptAsync(Review review) =>
        (await Reviews.AcceptReviewAsync(new AcceptReviewRequest { RequestId = Id(), ReviewId = review.ReviewId }, ReviewingBody(review.AgencyCode))).Review;

    public async Task<Review> AssignAsync(Review review, TestPerson reviewer) =>
        (await Reviews.AssignReviewerAsync(new AssignReviewerRequest { RequestId = Id(), ReviewId = review.ReviewId, ReviewerId = reviewer.Subject },
            ReviewingBody(review.AgencyCode))).Review;

    /// <summary>Submitted, accepted and assigned to a new qualified reviewer of the agency.</summary>
    public async Task<(Review Review, TestPerson Reviewer)> UnderReviewAsync(string agency, bool complex = false)
    {
        var reviewer = await AddReviewerAsync(agency);
        var review = await AssignAsync(await AcceptAsync(await SubmitAsync(agency, complex)), reviewer);
        return (review, reviewer);
    }

    public async Task<Review> RecordAllFindingsAsync(Review review, TestPerson reviewer, IEnumerable<ReviewCheck>? checks = null)
    {
        foreach (var check in checks ?? AllChecks)
            review = (await Reviews.RecordFindingAsync(new RecordFindingRequest
            {
                RequestId = Id(), ReviewId = review.ReviewId, Check = check, Result = FindingResult.Satisfied,
            }, As(reviewer, review.AgencyCode))).Review;
        return review;
    }

    public Task<ReviewResponse> DecideAsync(Review review, TestPerson reviewer, ReviewOpinion opinion, string reasons = "依法审核") =>
        Reviews.DecideReviewAsync(new DecideReviewRequest { RequestId = Id(), ReviewId = review.ReviewId, Opinion = opinion, Reasons = reasons },
            As(reviewer, review.AgencyCode)).ResponseAsync;

    public static IReadOnlyList<ReviewCheck> AllChecks { get; } =
        [.. Enum.GetValues<ReviewCheck>().Where(c => c != ReviewCheck.Unspecified)];

    public static string Id() => Guid.NewGuid().ToString();

    /// <summary>Awaits a call that must fail; returns its exception.</summary>
    public static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    public static async Task<RpcException> FailsAsync<T>(Task<T> call) => await Assert.ThrowsAsync<RpcException>(() => call);

    /// <summary>The rule id of a FailedPrecondition (or Aborted) refusal.</summary>
    public static string RuleOf(RpcException refused, StatusCode code = StatusCode.FailedPrecondition)
    {
        Assert.Equal(code, refused.StatusCode);
        return refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0].Type;
    }
}
