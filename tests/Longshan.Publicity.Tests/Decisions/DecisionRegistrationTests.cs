using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Decisions.DecisionData;
using static Longshan.Testing.TestTokens;

namespace Longshan.Publicity.Tests.Decisions;

public sealed class DecisionRegistrationTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    [Fact]
    public async Task The_publication_deadline_counts_working_days_across_National_Day()
    {
        var agency = await NewAgencyAsync(app);

        // 2026-09-29 (Tue) + 7 working days: 09-30, [10-01…10-07 holiday], 10-08, 10-09, 10-10 (adjusted working Saturday), 10-12, 10-13, 10-14.
        var penalty = await client.RegisterDecisionAsync(Penalty(agency, "2026-09-29"), Bearer(agency));
        // Other categories: 20 working days.
        var inspection = Permit(agency, "2026-09-29");
        inspection.Category = DecisionCategory.Inspection;
        var other = await client.RegisterDecisionAsync(inspection, Bearer(agency));

        Assert.Equal("2026-10-14", penalty.Decision.PublicationDeadline);
        Assert.Equal("2026-11-02", other.Decision.PublicationDeadline);
        Assert.Equal(DecisionStatus.Registered, penalty.Decision.Status);
        Assert.True(penalty.Decision.Publishable);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE decision_id = @id AND publication_deadline = '2026-10-14'", new { id = penalty.Decision.DecisionId }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE target = @id AND action = 'DecisionService/RegisterDecision'", new { id = penalty.Decision.DecisionId }));
    }

    [Fact]
    public async Task DecisionRegistered_carries_no_personal_data()
    {
        var agency = await NewAgencyAsync(app);
        var registered = await client.RegisterDecisionAsync(Penalty(agency), Bearer(agency));

        var id = registered.Decision.DecisionId;
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionRegistered' AND body LIKE @id", new { id = $"%{id}%" }));
        Assert.Equal(0, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE body LIKE @id AND (body LIKE @pid OR body LIKE '%张三丰%' OR body LIKE @phone)",
            new { id = $"%{id}%", pid = $"%{AdultId}%", phone = $"%{Phone}%" }));
        // The event (DateOnly fields and all) reaches the broker.
        await Eventually.HoldsAsync(async () => await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionRegistered' AND body LIKE @id AND sent_at IS NOT NULL", new { id = $"%{id}%" }) == 1,
            "DecisionRegistered is confirmed by the broker");
        // The original is kept, privately.
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM decision_originals WHERE decision_id = @id AND content LIKE @pid", new { id, pid = $"%{AdultId}%" }));
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "wrong ID check character", "content.party.resident_id_number" },
        { "wrong credit code", "content.party.credit_code" },
        { "future date", "decision_date" },
        { "negative amount", "content.penalties[0].amount_fen" },
        { "unknown category", "category" },
        { "missing legal basis", "content.legal_basis" },
        { "major without clearance reference", "review_clearance_reference" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_InvalidArgument_on_the_field_and_nothing_is_stored(string problem, string field)
    {
        var agency = await NewAgencyAsync(app);
        var request = problem == "wrong credit code" ? Permit(agency) : Penalty(agency);
        switch (problem)
        {
            case "wrong ID check character":
                request.Content.Party.ResidentIdNumber = AdultId[..17] + (AdultId[17] == '1' ? '2' : '1');
                break;
            case "wrong credit code":
                var code = request.Content.Party.CreditCode;
                request.Content.Party.CreditCode = code[..17] + (code[17] == 'A' ? 'B' : 'A');
                break;
            case "future date":
                request.DecisionDate = "2026-11-28"; // the fixture's clock says 2026-11-27 in the county
                break;
            case "negative amount":
                request.Content.Penalties[0].AmountFen = -1;
                break;
            case "unknown category":
                request.Category = (DecisionCategory)99;
                break;
            case "missing legal basis":
                request.Content.LegalBasis.Clear();
                break;
            case "major without clearance reference":
                request.IsMajor = true;
                break;
        }

        var error = await FailsAsync(client.RegisterDecisionAsync(request, Bearer(agency)));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal([field], error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE agency_code = @agency", new { agency }));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'DecisionRegistered'", new { agency }));
    }

    [Fact]
    public async Task A_deadline_outside_the_calendar_data_is_refused_with_a_clear_message()
    {
        var agency = await NewAgencyAsync(app);

        var error = await FailsAsync(client.RegisterDecisionAsync(Penalty(agency, "2018-12-20"), Bearer(agency)));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("2018", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("calendar-year-missing", error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0].Type);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE agency_code = @agency", new { agency }));
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_result_and_a_second_case_number_use_is_AlreadyExists()
    {
        var agency = await NewAgencyAsync(app);
        var request = Penalty(agency);

        var first = await client.RegisterDecisionAsync(request, Bearer(agency));
        var retry = await client.RegisterDecisionAsync(request, Bearer(agency));
        request.RequestId = Guid.NewGuid().ToString();
        var duplicate = await FailsAsync(client.RegisterDecisionAsync(request, Bearer(agency)));

        Assert.Equal(first.Decision.DecisionId, retry.Decision.DecisionId);
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE agency_code = @agency", new { agency }));
    }

    [Fact]
    public async Task An_agency_cannot_register_publish_update_or_withdraw_another_agencys_decision()
    {
        var owner = await NewAgencyAsync(app);
        var other = await NewAgencyAsync(app, "龙山县交通运输局");
        var registered = await client.RegisterDecisionAsync(Penalty(owner), Bearer(owner));
        var id = registered.Decision.DecisionId;

        var register = await FailsAsync(client.RegisterDecisionAsync(Penalty(owner), Bearer(other)));
        var publish = await FailsAsync(client.PublishDecisionAsync(Publish(id), Bearer(other)));
        var update = await FailsAsync(client.UpdateDecisionAsync(new UpdateDecisionRequest
        {
            RequestId = "u1", DecisionId = id, Content = Penalty(owner).Content, ChangeNote = "更正",
        }, Bearer(other)));
        var withdraw = await FailsAsync(client.WithdrawDecisionAsync(new WithdrawDecisionRequest
        {
            RequestId = "w1", DecisionId = id, Kind = RevocationKind.Revoked, RevocationDate = "2026-11-27", Reason = "复议撤销",
        }, Bearer(other)));

        Assert.All(new[] { register, publish, update, withdraw }, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE decision_id = @id", new { id }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE decision_id = @id AND status = 'registered' AND content_version = 1", new { id }));
        // The county administrator may act for any agency.
        await client.PublishDecisionAsync(Publish(id), Bearer(other, Roles.CountyAdmin));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE decision_id = @id", new { id }));
    }

    [Fact]
    public async Task A_decision_of_an_unregistered_agency_is_refused()
    {
        var unknown = CreditCodes.New();

        var error = await FailsAsync(client.RegisterDecisionAsync(Penalty(unknown), Bearer(unknown)));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE agency_code = @unknown", new { unknown }));
    }

}
