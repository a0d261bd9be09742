using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Decisions.DecisionData;

namespace Longshan.Publicity.Tests.Decisions;

/// <summary>
/// 公开审核 — collect → review → publish (issue 12 point 8; seed task T1(1)) over real gRPC: the agency's policy, an
/// officer prepares, a second person with the publisher role approves (publishes) or rejects; the persons from the tokens.
/// </summary>
public sealed class PublicationApprovalTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    static readonly TestPerson OfficerA = new("person:officer-a", "王执法");
    static readonly TestPerson PublisherB = new("person:publisher-b", "李审核");

    static Metadata Officer(string agency) => TestTokens.Bearer(OfficerA, agency, Roles.Officer);
    static Metadata Publisher(string agency) => TestTokens.Bearer(PublisherB, agency, Roles.Publisher);

    [Fact]
    public async Task Without_a_policy_an_agency_publishes_directly_as_before()
    {
        var agency = await NewAgencyAsync(app);
        var id = await RegisterAsync(agency);

        var policy = await client.GetPublicationPolicyAsync(new GetPublicationPolicyRequest { AgencyCode = agency }, Officer(agency));
        var published = await client.PublishDecisionAsync(Publish(id), Officer(agency));
        var summary = (await client.GetDecisionAsync(new GetDecisionRequest { DecisionId = id }, Officer(agency))).Decision;

        Assert.False(policy.Policy.RequiresApproval);
        Assert.Equal(id, published.Decision.DecisionId);
        Assert.Equal(DecisionStatus.Published, summary.Status);
        Assert.Null(summary.PublicationApproval);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionPublished' AND body LIKE @id AND body LIKE '%\"approvedBy\":null%'", new { id = $"%{id}%" }));
    }

    [Fact]
    public async Task Under_the_policy_A_prepares_B_approves_and_the_decision_is_public_with_both_on_record()
    {
        var agency = await AgencyRequiringApprovalAsync();
        var id = await RegisterAsync(agency);

        var prepared = (await client.PreparePublicationAsync(Prepare(id), Officer(agency))).Decision;
        var beforeApproval = await FailsAsync(client.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = id }));
        var approved = await client.ApprovePublicationAsync(Approve(id), Publisher(agency));
        var got = await client.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = id });
        var record = (await client.GetDecisionAsync(new GetDecisionRequest { DecisionId = id }, Officer(agency))).Decision;

        Assert.Equal(DecisionStatus.Registered, prepared.Status);
        Assert.True(prepared.PublicationApproval.AwaitingApproval);
        Assert.Equal(OfficerA.Subject, prepared.PublicationApproval.Prepared.Subject);
        Assert.Equal(StatusCode.NotFound, beforeApproval.StatusCode);
        Assert.True(approved.OnTime);
        Assert.Equal(id, got.Decision.DecisionId);
        Assert.Equal("张**", got.Decision.Party.Name);
        Assert.Equal(DecisionStatus.Published, record.Status);
        var approval = record.PublicationApproval;
        Assert.False(approval.AwaitingApproval);
        Assert.Equal((OfficerA.Subject, "王执法"), (approval.Prepared.Subject, approval.Prepared.Name));
        Assert.Equal((PublisherB.Subject, "李审核"), (approval.Approved.Subject, approval.Approved.Name));
        Assert.Equal(app.Clock.GetUtcNow(), approval.Approved.At.ToDateTimeOffset());
        Assert.Equal(approval, approved.Summary.PublicationApproval);
        // The public version names no member of staff; the event names the approver (for supervision), not the preparer.
        Assert.DoesNotContain("李审核", Json(got), StringComparison.Ordinal);
        Assert.DoesNotContain(PublisherB.Subject, Json(got), StringComparison.Ordinal);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionPublished' AND body LIKE @id AND body LIKE @approver AND body NOT LIKE @preparer",
            new { id = $"%{id}%", approver = $"%\"approvedBy\":\"{PublisherB.Subject}\"%", preparer = $"%{OfficerA.Subject}%" }));
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM decisions WHERE decision_id = @id AND prepared_by = @a AND approved_by = @b AND approved_by_name = '李审核'",
            new { id, a = OfficerA.Subject, b = PublisherB.Subject }));
    }

    [Fact]
    public async Task Under_the_policy_a_direct_publication_is_refused_and_nothing_goes_public()
    {
        var agency = await AgencyRequiringApprovalAsync();
        var id = await RegisterAsync(agency);

        var refused = await FailsAsync(client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency, Roles.Publisher)));
        await client.PreparePublicationAsync(Prepare(id), Officer(agency));
        var refusedWhilePrepared = await FailsAsync(client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency, Roles.CountyAdmin)));

        Assert.Equal("publication-approval-required", Rule(refused));
        Assert.Equal("publication-approval-required", Rule(refusedWhilePrepared));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE decision_id = @id", new { id }));
    }

    [Fact]
    public async Task The_person_who_prepared_it_may_not_approve_it_even_with_the_publisher_role()
    {
        var agency = await AgencyRequiringApprovalAsync();
        var id = await RegisterAsync(agency);
        var both = TestTokens.Bearer(OfficerA, agency, Roles.Officer, Roles.Publisher);
        await client.PreparePublicationAsync(Prepare(id), both);

        var refused = await FailsAsync(client.ApprovePublicationAsync(Approve(id), both));

        Assert.Equal("publication-same-person", Rule(refused));
        Assert.True((await client.GetDecisionAsync(new GetDecisionRequest { DecisionId = id }, both)).Decision.PublicationApproval.AwaitingApproval);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE decision_id = @id", new { id }));
    }

    [Fact]
    public async Task Approving_what_was_not_prepared_is_refused()
    {
        var agency = await AgencyRequiringApprovalAsync();
        var id = await RegisterAsync(agency);

        var refused = await FailsAsync(client.ApprovePublicationAsync(Approve(id), Publisher(agency)));
        var rejectRefused = await FailsAsync(client.RejectPublicationAsync(Reject(id), Publisher(agency)));

        Assert.Equal("publication-not-prepared", Rule(refused));
        Assert.Equal("publication-not-prepared", Rule(rejectRefused));
    }

    [Fact]
    public async Task Without_the_publisher_role_approval_is_denied_even_for_the_county_administrator_or_another_agencys_publisher()
    {
        var agency = await AgencyRequiringApprovalAsync();
        var other = await NewAgencyAsync(app, "龙山县交通运输局");
        var id = await RegisterAsync(agency);
        await client.PreparePublicationAsync(Prepare(id), Officer(agency));

        var officer = await FailsAsync(client.ApprovePublicationAsync(Approve(id), TestTokens.Bearer(new TestPerson("person:officer-c"), agency, Roles.Officer, Roles.Reviewer)));
        var admin = await FailsAsync(client.ApprovePublicationAsync(Approve(id), TestTokens.Bearer(agency, Roles.CountyAdmin)));
        var otherAgency = await FailsAsync(client.ApprovePublicationAsync(Approve(id), Publisher(other)));
        var reject = await FailsAsync(client.RejectPublicationAsync(Reject(id), Officer(agency)));

        Assert.All(new[] { officer, admin, otherAgency, reject }, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE decision_id = @id", new { id }));
    }

    [Fact]
    public async Task A_rejection_returns_it_to_registered_with_the_reason_and_it_can_be_corrected_and_prepared_again()
    {
        var agency = await AgencyRequiringApprovalAsync();
        var id = await RegisterAsync(agency);
        await client.PreparePublicationAsync(Prepare(id), Officer(agency));

        var correctionWhilePrepared = await FailsAsync(client.UpdateDecisionAsync(Correction(id, agency), Officer(agency)));
        var eventsBefore = await EventsAboutAsync(id);
        var rejected = (await client.RejectPublicationAsync(Reject(id), Publisher(agency))).Decision;
        var eventsAfter = await EventsAboutAsync(id);
        await client.UpdateDecisionAsync(Correction(id, agency), Officer(agency));
        var preparedAgain = (await client.PreparePublicationAsync(Prepare(id), Officer(agency))).Decision;

        Assert.Equal("decision-status", Rule(correctionWhilePrepared));
        Assert.Equal(DecisionStatus.Registered, rejected.Status);
        Assert.False(rejected.PublicationApproval.AwaitingApproval);
        Assert.Null(rejected.PublicationApproval.Prepared);
        Assert.Equal(PublisherB.Subject, rejected.PublicationApproval.Rejected.Subject);
        Assert.Equal("事实部分表述不完整", rejected.PublicationApproval.RejectionReason);
        Assert.True(preparedAgain.PublicationApproval.AwaitingApproval);
        Assert.Equal(2, preparedAgain.ContentVersion);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE decision_id = @id", new { id }));
        Assert.Equal(eventsBefore, eventsAfter); // the reason stays with the decision: no event carries it
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE decision_id = @id AND rejection_reason = '事实部分表述不完整'", new { id }));
    }

    [Fact]
    public async Task Retries_with_the_same_request_id_get_the_first_answer_and_publish_once()
    {
        var agency = await AgencyRequiringApprovalAsync();
        var id = await RegisterAsync(agency);
        var prepare = Prepare(id);
        var approve = Approve(id);

        var firstPrepare = await client.PreparePublicationAsync(prepare, Officer(agency));
        var secondPrepare = await client.PreparePublicationAsync(prepare, Officer(agency));
        var firstApproval = await client.ApprovePublicationAsync(approve, Publisher(agency));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var secondApproval = await client.ApprovePublicationAsync(approve, Publisher(agency));
        var anotherApproval = await FailsAsync(client.ApprovePublicationAsync(Approve(id), Publisher(agency)));

        Assert.Equal(firstPrepare, secondPrepare);
        Assert.Equal(firstApproval, secondApproval);
        Assert.Equal("decision-status", Rule(anotherApproval));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionPublished' AND body LIKE @id", new { id = $"%{id}%" }));
    }

    [Fact]
    public async Task Only_the_agency_itself_or_the_county_sets_the_policy_and_the_change_is_audited()
    {
        var agency = await NewAgencyAsync(app);
        var request = new SetPublicationPolicyRequest { RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, RequiresApproval = true };

        var byOfficer = await FailsAsync(client.SetPublicationPolicyAsync(request, Officer(agency)));
        var byPublisher = await FailsAsync(client.SetPublicationPolicyAsync(request, Publisher(agency)));
        var set = await client.SetPublicationPolicyAsync(request, TestTokens.Bearer(agency));
        var off = await client.SetPublicationPolicyAsync(
            new SetPublicationPolicyRequest { RequestId = Guid.NewGuid().ToString(), AgencyCode = agency }, TestTokens.Bearer(agency, Roles.CountyAdmin));
        var unregistered = await FailsAsync(client.SetPublicationPolicyAsync(
            new SetPublicationPolicyRequest { RequestId = Guid.NewGuid().ToString(), AgencyCode = Longshan.Testing.CreditCodes.New(), RequiresApproval = true },
            TestTokens.Bearer(agency, Roles.CountyAdmin)));

        Assert.Equal(StatusCode.PermissionDenied, byOfficer.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, byPublisher.StatusCode);
        Assert.True(set.Policy.RequiresApproval);
        Assert.Equal(TestPerson.Of(agency).Subject, set.Policy.UpdatedBy);
        Assert.False(off.Policy.RequiresApproval);
        Assert.False((await client.GetPublicationPolicyAsync(new GetPublicationPolicyRequest { AgencyCode = agency }, Officer(agency))).Policy.RequiresApproval);
        Assert.Equal("agency-not-registered", Rule(unregistered));
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action LIKE '%SetPublicationPolicy' AND target = @agency", new { agency }));
    }

    [Fact]
    public async Task Another_agency_cannot_read_the_decision_record()
    {
        var agency = await NewAgencyAsync(app);
        var other = await NewAgencyAsync(app, "龙山县交通运输局");
        var id = await RegisterAsync(agency);

        var denied = await FailsAsync(client.GetDecisionAsync(new GetDecisionRequest { DecisionId = id }, Officer(other)));
        var dataCenter = await client.GetDecisionAsync(new GetDecisionRequest { DecisionId = id }, TestTokens.Bearer(other, Roles.DataCenter));

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        Assert.Equal(id, dataCenter.Decision.DecisionId);
    }

    Task<long> EventsAboutAsync(string id) => app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE body LIKE @id", new { id = $"%{id}%" });

    async Task<string> AgencyRequiringApprovalAsync()
    {
        var agency = await NewAgencyAsync(app);
        await client.SetPublicationPolicyAsync(
            new SetPublicationPolicyRequest { RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, RequiresApproval = true }, TestTokens.Bearer(agency));
        return agency;
    }

    async Task<string> RegisterAsync(string agency) =>
        (await client.RegisterDecisionAsync(Penalty(agency), Officer(agency))).Decision.DecisionId;

    static PreparePublicationRequest Prepare(string id) => new() { RequestId = Guid.NewGuid().ToString(), DecisionId = id };

    static ApprovePublicationRequest Approve(string id) => new() { RequestId = Guid.NewGuid().ToString(), DecisionId = id };

    static RejectPublicationRequest Reject(string id) => new() { RequestId = Guid.NewGuid().ToString(), DecisionId = id, Reason = "事实部分表述不完整" };

    static UpdateDecisionRequest Correction(string id, string agency) => new()
    {
        RequestId = Guid.NewGuid().ToString(), DecisionId = id, Content = Penalty(agency).Content, ChangeNote = "补充违法事实",
    };

    static string Rule(RpcException error)
    {
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        return error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0].Type;
    }
}

/// <summary>The deadline under approval, with its own app (it moves the clock).</summary>
public sealed class PublicationApprovalDeadlineTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    [Fact]
    public async Task A_decision_awaiting_approval_past_its_deadline_is_overdue_and_its_late_approval_is_not_on_time()
    {
        var agency = await NewAgencyAsync(app);
        await client.SetPublicationPolicyAsync(
            new SetPublicationPolicyRequest { RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, RequiresApproval = true }, TestTokens.Bearer(agency));
        // Decided 2026-11-27 (Fri): deadline 2026-12-08 (Tue), 7 working days — from the decision date, approval or not.
        var registered = (await client.RegisterDecisionAsync(Penalty(agency), TestTokens.Bearer(agency, Roles.Officer))).Decision;
        var id = registered.DecisionId;
        await client.PreparePublicationAsync(new PreparePublicationRequest { RequestId = Guid.NewGuid().ToString(), DecisionId = id },
            TestTokens.Bearer(agency, Roles.Officer));

        await MoveClockAndSweepAsync(app, new DateTimeOffset(2026, 12, 9, 1, 0, 0, TimeSpan.FromHours(8)));
        var overdue = await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'PublicationOverdue' AND body LIKE @id", new { id = $"%{id}%" });
        var approved = await client.ApprovePublicationAsync(new ApprovePublicationRequest { RequestId = Guid.NewGuid().ToString(), DecisionId = id },
            TestTokens.Bearer(new TestPerson("person:publisher"), agency, Roles.Publisher));

        Assert.Equal("2026-12-08", registered.PublicationDeadline);
        Assert.Equal(1, overdue);
        Assert.False(approved.OnTime);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionPublished' AND body LIKE @id AND body LIKE '%\"onTime\":false%'", new { id = $"%{id}%" }));
    }
}
