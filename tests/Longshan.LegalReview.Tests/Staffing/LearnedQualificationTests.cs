using Longshan.Contracts.Events.Publicity;
using Longshan.Contracts.LegalReview.V1;
using Longshan.LegalReview.Tests.Support;
using static Longshan.LegalReview.Tests.Support.LegalReviewApp;

namespace Longshan.LegalReview.Tests.Staffing;

/// <summary>
/// 《行政处罚法》第五十八条第二款: a first-time reviewer holds the legal professional qualification. The roster takes it as
/// entered, or learns it from Publicity's OfficerQualificationRecorded for the reviewer's officer id (issue 12 point 6).
/// </summary>
public sealed class LearnedQualificationTests(LegalReviewApp app) : IClassFixture<LegalReviewApp>
{
    OfficerQualificationRecorded Recorded(string agency, Guid officerId, string kind, string? number, bool passed = true) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = app.Clock.GetUtcNow(), AgencyCode = agency, OfficerId = officerId, RecordId = Guid.NewGuid(),
        Name = "王法审", QualificationKind = kind, ObtainedOn = new DateOnly(2019, 3, 1), Passed = passed, LegalCertificateNumber = number,
        ExamStanding = kind == "legal-professional" ? "exempt" : passed ? "passed" : "not-met",
    };

    async Task<TestPerson> AddFirstTimeAsync(string agency, Guid officerId)
    {
        var person = new TestPerson("person:" + Guid.NewGuid().ToString("N")[..10], "王法审");
        await app.Roster.AddReviewerAsync(new AddReviewerRequest
        {
            RequestId = Id(), AgencyCode = agency, PersonId = person.Subject, Name = person.Name!, Kind = ReviewerKind.AgencyStaff,
            FirstTime = true, OfficerId = officerId.ToString(),
        }, TestTokens.Bearer(agency));
        return person;
    }

    async Task<Reviewer> RosterEntryAsync(string agency, TestPerson person) =>
        (await app.Roster.ListReviewersAsync(new ListReviewersRequest { AgencyCode = agency }, TestTokens.Bearer(agency))).Reviewers.Single(r => r.PersonId == person.Subject);

    [Fact]
    public async Task A_first_time_reviewer_whose_officer_holds_the_qualification_in_Publicity_is_qualified_and_may_be_assigned()
    {
        var agency = await app.NewAgencyAsync();
        var officerId = Guid.NewGuid();
        var person = await AddFirstTimeAsync(agency, officerId);
        var review = await app.AcceptAsync(await app.SubmitAsync(agency));
        var before = await RosterEntryAsync(agency, person);
        var refused = await FailsAsync(app.AssignAsync(review, person));

        await app.PublishAsAsync("publicity", Recorded(agency, officerId, "legal-professional", "A20194301000123"));
        await Eventually.HoldsAsync(async () => (await RosterEntryAsync(agency, person)).Qualified, "the qualification learned from Publicity");
        var after = await RosterEntryAsync(agency, person);
        var assigned = await app.AssignAsync(review, person);

        Assert.False(before.Qualified);
        Assert.Equal("reviewer-not-qualified", RuleOf(refused));
        Assert.Equal(("publicity", "A20194301000123", officerId.ToString()), (after.QualificationSource, after.LearnedQualificationNumber, after.OfficerId));
        Assert.Equal("", after.QualificationNumber);
        Assert.Equal(ReviewStatus.UnderReview, assigned.Status);
        Assert.Equal(person.Subject, assigned.ReviewerId);
    }

    [Fact]
    public async Task An_exam_result_does_not_make_a_first_time_reviewer_qualified_and_a_later_roster_entry_sees_an_earlier_event()
    {
        var agency = await app.NewAgencyAsync();
        var examOnly = Guid.NewGuid();
        var qualifiedEarlier = Guid.NewGuid();
        await app.PublishAsAsync("publicity", Recorded(agency, examOnly, "exam", null));
        var lastEvent = Recorded(agency, qualifiedEarlier, "legal-professional", "A20204301000456");
        await app.PublishAsAsync("publicity", lastEvent);
        await Eventually.HoldsAsync(async () => await app.CountAsync(
            "SELECT COUNT(*) FROM inbox_messages WHERE consumer = 'officer-qualification-recorded' AND event_id = @id", new { id = lastEvent.EventId.ToString() }) == 1,
            "both events handled");

        var exam = await RosterEntryAsync(agency, await AddFirstTimeAsync(agency, examOnly));
        var earlier = await RosterEntryAsync(agency, await AddFirstTimeAsync(agency, qualifiedEarlier));
        var unlinked = await RosterEntryAsync(agency, await app.AddReviewerAsync(agency, firstTime: true, qualification: "A20231234567"));

        Assert.False(exam.Qualified);
        Assert.Equal("", exam.QualificationSource);
        Assert.True(earlier.Qualified);
        Assert.Equal("publicity", earlier.QualificationSource);
        Assert.Equal(("roster", true), (unlinked.QualificationSource, unlinked.Qualified));
    }

    [Fact]
    public async Task An_officer_id_that_is_not_a_uuid_is_invalid()
    {
        var agency = await app.NewAgencyAsync();
        var refused = await FailsAsync(app.Roster.AddReviewerAsync(new AddReviewerRequest
        {
            RequestId = Id(), AgencyCode = agency, PersonId = "person:x", Name = "王法审", Kind = ReviewerKind.AgencyStaff, OfficerId = "officer-1",
        }, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, refused.StatusCode);
    }
}
