using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Decisions.DecisionData;

namespace Longshan.Publicity.Tests.Decisions;

/// <summary>
/// Every PublicityApp consumes from the same durable queue (longshan.publicity.review-completed) on the shared test
/// broker, so an event published while another class's app runs could go to that app. This collection runs alone,
/// after the parallel ones, when no other app is listening.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerConsumerCollection
{
    public const string Name = "broker consumers";
}

[Collection(BrokerConsumerCollection.Name)]
public sealed class ReviewGateTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    [Fact]
    public async Task A_major_decision_is_published_only_after_a_passed_review_of_the_same_agency_arrives_through_the_broker()
    {
        var agency = await NewAgencyAsync(app);
        var other = await NewAgencyAsync(app, "龙山县交通运输局");
        var reference = "LS-FZSH-" + Guid.NewGuid().ToString("N")[..8];
        var request = Penalty(agency);
        request.IsMajor = true;
        request.ReviewClearanceReference = reference;
        var id = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(agency))).Decision.DecisionId;

        var unknown = await FailsAsync(client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency)));

        // A disagreeing opinion does not clear it…
        await app.PublishAsAsync("legalreview", Review(agency, reference, request.CaseNumber, ReviewCompleted.Disagree, minutesAgo: 30));
        await Eventually.HoldsAsync(async () => await ClearanceCountAsync(reference, passed: 0) == 1, "the disagree outcome is stored");
        var disagreed = await FailsAsync(client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency)));

        // …nor does another agency's passed review under the same reference.
        await app.PublishAsAsync("legalreview", Review(other, reference, request.CaseNumber, ReviewCompleted.Approve, minutesAgo: 20));
        await Eventually.HoldsAsync(async () => await ClearanceCountAsync(reference, passed: 1) == 1, "the other agency's review is stored");
        var foreign = await FailsAsync(client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency)));

        // The re-review of this agency, approved after amendment, clears it.
        await app.PublishAsAsync("legalreview", Review(agency, reference, request.CaseNumber, ReviewCompleted.ApproveAfterAmendment, minutesAgo: 10));
        await Eventually.HoldsAsync(async () => await app.CountAsync(
            "SELECT COUNT(*) FROM review_clearances WHERE review_id = @reference AND agency_code = @agency AND passed = 1", new { reference, agency }) == 1,
            "the passed review is stored");
        var published = await client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency));

        Assert.Equal("review-clearance-missing", RuleOf(unknown));
        Assert.Equal("review-clearance-not-passed", RuleOf(disagreed));
        Assert.Equal("review-clearance-other-agency", RuleOf(foreign));

        Assert.Equal(id, published.Decision.DecisionId);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE decision_id = @id", new { id }));
    }

    /// <summary>
    /// Tried from outside: a passed review of case A let major decision B of the same agency be published. A clearance
    /// is bound to one case (APL art. 58): same agency, same case number, completed on or before the decision date.
    /// </summary>
    [Fact]
    public async Task A_clearance_counts_only_for_its_own_case_completed_by_the_decision_date()
    {
        var agency = await NewAgencyAsync(app);

        // A passed review of case A, quoted by major decision B.
        var caseA = Penalty(agency).CaseNumber;
        var (otherCase, otherCaseRef) = await MajorDecisionAsync(agency, Penalty(agency));
        await app.PublishAsAsync("legalreview", Review(agency, otherCaseRef, caseA, ReviewCompleted.Approve, minutesAgo: 30));

        // A passed review completed after the decision date (the decision is dated yesterday, the review today).
        var late = Penalty(agency, decisionDate: "2026-11-26");
        var (afterDate, afterDateRef) = await MajorDecisionAsync(agency, late);
        await app.PublishAsAsync("legalreview", Review(agency, afterDateRef, late.CaseNumber, ReviewCompleted.Approve, minutesAgo: 30));

        // The same case written with other brackets and spaces is the same case: it clears.
        var same = Penalty(agency, caseNumber: $"龙市监罚〔2026〕{Random.Shared.Next(1_000_000)}号");
        var (sameCase, sameCaseRef) = await MajorDecisionAsync(agency, same);
        var typedOtherwise = same.CaseNumber.Replace("〔", "[ ").Replace("〕", "] ");
        await app.PublishAsAsync("legalreview", Review(agency, sameCaseRef, typedOtherwise, ReviewCompleted.Approve, minutesAgo: 30));

        foreach (var reference in new[] { otherCaseRef, afterDateRef, sameCaseRef })
            await Eventually.HoldsAsync(async () => await ClearanceCountAsync(reference, passed: 1) == 1, $"review {reference} is stored");

        Assert.Equal("review-clearance-other-case", RuleOf(await FailsAsync(client.PublishDecisionAsync(Publish(otherCase), TestTokens.Bearer(agency)))));
        Assert.Equal("review-clearance-after-decision", RuleOf(await FailsAsync(client.PublishDecisionAsync(Publish(afterDate), TestTokens.Bearer(agency)))));
        Assert.Equal(sameCase, (await client.PublishDecisionAsync(Publish(sameCase), TestTokens.Bearer(agency))).Decision.DecisionId);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE decision_id IN (@otherCase, @afterDate)", new { otherCase, afterDate }));
    }

    /// <summary>
    /// The gate is bound to the exact text (APL art. 58): the clearance names the digest of the draft it approved
    /// (ReviewCompleted.draftDigest), the decision the digest of its content; a different text is not cleared.
    /// </summary>
    [Fact]
    public async Task A_clearance_of_another_text_does_not_clear_the_decision()
    {
        var agency = await NewAgencyAsync(app);
        var approvedDigest = new string('a', 64);

        var otherText = Penalty(agency);
        otherText.ContentDigest = new string('b', 64);
        var (otherTextId, otherTextRef) = await MajorDecisionAsync(agency, otherText);
        await app.PublishAsAsync("legalreview", Review(agency, otherTextRef, otherText.CaseNumber, ReviewCompleted.Approve, minutesAgo: 30) with { DraftDigest = approvedDigest });

        var sameText = Penalty(agency);
        sameText.ContentDigest = approvedDigest.ToUpperInvariant(); // hex compares case-insensitively
        var (sameTextId, sameTextRef) = await MajorDecisionAsync(agency, sameText);
        await app.PublishAsAsync("legalreview", Review(agency, sameTextRef, sameText.CaseNumber, ReviewCompleted.Approve, minutesAgo: 30) with { DraftDigest = approvedDigest });

        var badDigest = Penalty(agency);
        badDigest.ContentDigest = "not-a-digest";
        var malformed = await FailsAsync(client.RegisterDecisionAsync(badDigest, TestTokens.Bearer(agency)));

        foreach (var reference in new[] { otherTextRef, sameTextRef })
            await Eventually.HoldsAsync(async () => await app.CountAsync(
                "SELECT COUNT(*) FROM review_clearances WHERE review_id = @reference AND draft_digest = @approvedDigest", new { reference, approvedDigest }) == 1,
                $"review {reference} is stored with its digest");

        Assert.Equal("review-clearance-other-draft", RuleOf(await FailsAsync(client.PublishDecisionAsync(Publish(otherTextId), TestTokens.Bearer(agency)))));
        Assert.Equal(sameTextId, (await client.PublishDecisionAsync(Publish(sameTextId), TestTokens.Bearer(agency))).Decision.DecisionId);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, malformed.StatusCode);
    }

    async Task<(string DecisionId, string Reference)> MajorDecisionAsync(string agency, RegisterDecisionRequest request)
    {
        request.IsMajor = true;
        request.ReviewClearanceReference = "LS-FZSH-" + Guid.NewGuid().ToString("N")[..8];
        var id = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(agency))).Decision.DecisionId;
        return (id, request.ReviewClearanceReference);
    }

    static string RuleOf(RpcException refused)
    {
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        return refused.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0].Type;
    }

    [Fact]
    public async Task A_redelivered_review_event_is_applied_once()
    {
        var agency = await NewAgencyAsync(app);
        var review = Review(agency, "LS-FZSH-" + Guid.NewGuid().ToString("N")[..8], "龙市监罚〔2026〕1号", ReviewCompleted.Approve, minutesAgo: 5);

        await app.PublishAsAsync("legalreview", review);
        await app.PublishAsAsync("legalreview", review);
        await Eventually.HoldsAsync(async () => await app.CountAsync(
            "SELECT COUNT(*) FROM inbox_messages WHERE event_id = @id", new { id = review.EventId.ToString() }) == 1, "the event is handled");
        await Task.Delay(500);

        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM inbox_messages WHERE event_id = @id", new { id = review.EventId.ToString() }));
        Assert.Equal(1, await ClearanceCountAsync(review.ReviewId, passed: 1));
    }

    Task<long> ClearanceCountAsync(string reference, int passed) =>
        app.CountAsync("SELECT COUNT(*) FROM review_clearances WHERE review_id = @reference AND passed = @passed", new { reference, passed });

    ReviewCompleted Review(string agency, string reference, string caseNumber, string outcome, int minutesAgo) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = app.Clock.GetUtcNow(),
        AgencyCode = agency,
        ReviewId = reference,
        CaseNumber = caseNumber,
        Outcome = outcome,
        CompletedAt = app.Clock.GetUtcNow().AddMinutes(-minutesAgo),
    };
}
