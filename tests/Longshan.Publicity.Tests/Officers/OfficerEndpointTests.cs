using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Officers.OfficerTestData;

namespace Longshan.Publicity.Tests.Officers;

public sealed class OfficerEndpointTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly OfficerService.OfficerServiceClient client = new(app.Channel);

    Task<long> EventsAsync(string type, string number, string? contains = null) => app.CountAsync(
        "SELECT COUNT(*) FROM outbox_messages WHERE event_type = @type AND body LIKE @number AND body LIKE @contains",
        new { type, number = $"%\"certificateNumber\":\"{number}\"%", contains = contains is null ? "%" : $"%{contains}%" });

    async Task<VerifyCertificateResponse> VerifyAsync(string number) =>
        await client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = number }, Anonymous);

    static async Task<RpcException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);

    [Fact]
    public async Task Issuing_stores_the_officer_its_event_and_an_audit_row()
    {
        var agency = await RegisterAgencyAsync(app);
        var request = IssueRequest(app, agency);

        var officer = (await client.IssueCertificateAsync(request, TestTokens.Bearer(agency))).Officer;

        Assert.Equal(CertificateStatus.Valid, officer.Certificate.Status);
        Assert.Equal(["龙山县", "食品安全"], officer.Certificate.Areas);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM officers WHERE certificate_number = @n AND agency_code = @agency", new { n = request.CertificateNumber, agency }));
        Assert.Equal(1, await EventsAsync("OfficerCertified", request.CertificateNumber, "\"status\":\"valid\""));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'OfficerService/IssueCertificate' AND target = @n", new { n = request.CertificateNumber }));
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_officer_and_stores_one()
    {
        var agency = await RegisterAgencyAsync(app);
        var request = IssueRequest(app, agency);

        var first = await client.IssueCertificateAsync(request, TestTokens.Bearer(agency));
        var second = await client.IssueCertificateAsync(request, TestTokens.Bearer(agency));

        Assert.Equal(first.Officer.OfficerId, second.Officer.OfficerId);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM officers WHERE certificate_number = @n", new { n = request.CertificateNumber }));
        Assert.Equal(1, await EventsAsync("OfficerCertified", request.CertificateNumber));
    }

    [Fact]
    public async Task Suspend_reinstate_renew_revoke_each_change_the_public_status_and_emit_an_event()
    {
        var agency = await RegisterAgencyAsync(app, "龙山县交通运输局");
        var officer = await IssueAsync(app, agency, "李四");
        var number = officer.Certificate.Number;
        var token = TestTokens.Bearer(agency);

        var verified = await VerifyAsync(number.ToLowerInvariant());
        Assert.Equal(("李四", "龙山县交通运输局", CertificateStatus.Valid), (verified.HolderName, verified.AgencyName, verified.Status));

        await client.SuspendCertificateAsync(new SuspendCertificateRequest { RequestId = "s1", CertificateNumber = number, Reason = "涉嫌违纪，暂扣执法证" }, token);
        Assert.Equal(CertificateStatus.Suspended, (await VerifyAsync(number)).Status);

        await client.ReinstateCertificateAsync(new ReinstateCertificateRequest { RequestId = "r1", CertificateNumber = number }, token);
        Assert.Equal(CertificateStatus.Valid, (await VerifyAsync(number)).Status);

        var newTo = Date(Today(app).AddYears(5));
        var renewed = await client.RenewCertificateAsync(new RenewCertificateRequest { RequestId = "n1", CertificateNumber = number, ValidFrom = Date(Today(app)), ValidTo = newTo }, token);
        Assert.Equal(newTo, renewed.Officer.Certificate.ValidTo);
        Assert.Equal((Date(Today(app)), newTo), ((await VerifyAsync(number)).ValidFrom, (await VerifyAsync(number)).ValidTo));

        var revoked = await client.RevokeCertificateAsync(new RevokeCertificateRequest { RequestId = "v1", CertificateNumber = number, Reason = "调离执法岗位" }, token);
        Assert.Equal((CertificateStatus.Revoked, "调离执法岗位"), (revoked.Officer.Certificate.Status, revoked.Officer.Certificate.StatusReason));
        Assert.Equal(CertificateStatus.Revoked, (await VerifyAsync(number)).Status);

        Assert.Equal(1, await EventsAsync("OfficerCertificateChanged", number, "\"change\":\"suspended\",\"status\":\"suspended\""));
        Assert.Equal(1, await EventsAsync("OfficerCertificateChanged", number, "\"change\":\"reinstated\",\"status\":\"valid\""));
        Assert.Equal(1, await EventsAsync("OfficerCertificateChanged", number, "\"change\":\"renewed\",\"status\":\"valid\""));
        Assert.Equal(1, await EventsAsync("OfficerCertificateChanged", number, "\"change\":\"revoked\",\"status\":\"revoked\""));
        Assert.Equal(4, await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE target = @number AND action <> 'OfficerService/IssueCertificate'", new { number }));
    }

    [Fact]
    public async Task Each_event_carries_the_certificate_records_version_after_its_change()
    {
        var agency = await RegisterAgencyAsync(app);
        var officer = await IssueAsync(app, agency);
        var number = officer.Certificate.Number;
        var token = TestTokens.Bearer(agency);

        await client.SuspendCertificateAsync(new SuspendCertificateRequest { RequestId = Guid.NewGuid().ToString(), CertificateNumber = number, Reason = "涉嫌违纪，暂扣执法证" }, token);
        await client.ReinstateCertificateAsync(new ReinstateCertificateRequest { RequestId = Guid.NewGuid().ToString(), CertificateNumber = number }, token);

        // The outbox does not promise order: a subscriber keeps the highest version per officer.
        Assert.Equal(1, await VersionAsync("OfficerCertified", officer.OfficerId));
        Assert.Equal(2, await VersionAsync("OfficerCertificateChanged", officer.OfficerId, "suspended"));
        Assert.Equal(3, await VersionAsync("OfficerCertificateChanged", officer.OfficerId, "reinstated"));
        Assert.Equal(3, await app.CountAsync("SELECT version FROM officers WHERE certificate_number = @number", new { number }));
    }

    /// <summary>The <c>version</c> in the body of the officer's outbox event of that type (and change); 0 unless there is exactly one.</summary>
    Task<long> VersionAsync(string type, string officerId, string? change = null) => app.CountAsync(
        """
        SELECT CASE COUNT(*) WHEN 1 THEN MAX(json_extract(body, '$.version')) ELSE 0 END FROM outbox_messages
        WHERE event_type = @type AND json_extract(body, '$.officerId') = @officerId
          AND (@change IS NULL OR json_extract(body, '$.change') = @change)
        """,
        new { type, officerId, change });

    [Fact]
    public async Task A_revoked_certificate_cannot_be_renewed_or_reinstated()
    {
        var agency = await RegisterAgencyAsync(app);
        var number = (await IssueAsync(app, agency)).Certificate.Number;
        var token = TestTokens.Bearer(agency);
        await client.RevokeCertificateAsync(new RevokeCertificateRequest { RequestId = "v", CertificateNumber = number, Reason = "违法执法" }, token);

        var renew = await FailsAsync(() => client.RenewCertificateAsync(
            new RenewCertificateRequest { RequestId = "n", CertificateNumber = number, ValidFrom = Date(Today(app)), ValidTo = Date(Today(app).AddYears(1)) }, token).ResponseAsync);
        var reinstate = await FailsAsync(() => client.ReinstateCertificateAsync(new ReinstateCertificateRequest { RequestId = "r", CertificateNumber = number }, token).ResponseAsync);

        foreach (var error in new[] { renew, reinstate })
        {
            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
            Assert.Equal("certificate-revocation-is-final", error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        }
        Assert.Equal(1, await EventsAsync("OfficerCertificateChanged", number));
    }

    [Fact]
    public async Task Reinstating_a_certificate_that_is_not_suspended_is_refused()
    {
        var agency = await RegisterAgencyAsync(app);
        var number = (await IssueAsync(app, agency)).Certificate.Number;

        var error = await FailsAsync(() => client.ReinstateCertificateAsync(
            new ReinstateCertificateRequest { RequestId = "r", CertificateNumber = number }, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("certificate-not-suspended", error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
    }

    [Fact]
    public async Task Another_agency_can_neither_issue_nor_change_an_agencys_officers()
    {
        var owner = await RegisterAgencyAsync(app);
        var other = await RegisterAgencyAsync(app, "龙山县城市管理和综合执法局");
        var number = (await IssueAsync(app, owner)).Certificate.Number;

        var issue = await FailsAsync(() => client.IssueCertificateAsync(IssueRequest(app, owner), TestTokens.Bearer(other)).ResponseAsync);
        var suspend = await FailsAsync(() => client.SuspendCertificateAsync(
            new SuspendCertificateRequest { RequestId = "x", CertificateNumber = number, Reason = "越权" }, TestTokens.Bearer(other)).ResponseAsync);
        var revoke = await FailsAsync(() => client.RevokeCertificateAsync(
            new RevokeCertificateRequest { RequestId = "y", CertificateNumber = number, Reason = "越权" }, TestTokens.Bearer(other)).ResponseAsync);

        Assert.All(new[] { issue, suspend, revoke }, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(CertificateStatus.Valid, (await VerifyAsync(number)).Status);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM officers WHERE agency_code = @owner", new { owner }));

        // The county administrator may act for any agency.
        await client.SuspendCertificateAsync(new SuspendCertificateRequest { RequestId = "z", CertificateNumber = number, Reason = "司法局暂扣" },
            TestTokens.Bearer(other, Roles.CountyAdmin));
        Assert.Equal(CertificateStatus.Suspended, (await VerifyAsync(number)).Status);
    }

    [Fact]
    public async Task Invalid_requests_list_every_violation_and_store_nothing()
    {
        var agency = await RegisterAgencyAsync(app);
        var request = IssueRequest(app, agency, number: "hn-12");
        request.Name = " ";
        request.ValidFrom = Date(Today(app));
        request.ValidTo = Date(Today(app).AddDays(-1));

        var error = await FailsAsync(() => client.IssueCertificateAsync(request, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field);
        Assert.Equal(["name", "certificate_number", "valid_to"], fields);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM officers WHERE agency_code = @agency", new { agency }));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type LIKE 'Officer%'", new { agency }));
    }

    [Fact]
    public async Task A_validity_start_in_the_future_and_a_renewal_ending_before_it_starts_are_invalid()
    {
        var agency = await RegisterAgencyAsync(app);
        var request = IssueRequest(app, agency);
        request.ValidFrom = Date(Today(app).AddDays(1));
        var issue = await FailsAsync(() => client.IssueCertificateAsync(request, TestTokens.Bearer(agency)).ResponseAsync);

        var number = (await IssueAsync(app, agency)).Certificate.Number;
        var renew = await FailsAsync(() => client.RenewCertificateAsync(new RenewCertificateRequest
        {
            RequestId = "n", CertificateNumber = number, ValidFrom = Date(Today(app)), ValidTo = Date(Today(app).AddDays(-3)),
        }, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal("valid_from", issue.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal("valid_to", renew.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(0, await EventsAsync("OfficerCertificateChanged", number));
    }

    [Fact]
    public async Task A_duplicate_certificate_number_already_exists()
    {
        var agency = await RegisterAgencyAsync(app);
        var number = (await IssueAsync(app, agency)).Certificate.Number;

        var error = await FailsAsync(() => client.IssueCertificateAsync(IssueRequest(app, agency, number.ToLowerInvariant()), TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM officers WHERE certificate_number = @number", new { number }));
    }

    [Fact]
    public async Task Officers_of_an_unregistered_agency_are_refused()
    {
        var unregistered = CreditCodes.New();

        var error = await FailsAsync(() => client.IssueCertificateAsync(IssueRequest(app, unregistered), TestTokens.Bearer(unregistered)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("agency-not-registered", error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
    }

    [Fact]
    public async Task Verifying_an_unknown_number_is_not_found()
    {
        var error = await FailsAsync(() => client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = NewCertificateNumber() }, Anonymous).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Officers_are_listed_by_agency_in_pages_for_authenticated_callers_only()
    {
        var agency = await RegisterAgencyAsync(app);
        var other = await RegisterAgencyAsync(app);
        foreach (var name in new[] { "甲", "乙", "丙" }) await IssueAsync(app, agency, name);
        await IssueAsync(app, other, "丁");
        var reader = TestTokens.Bearer(other, Roles.DataCenter);

        var first = await client.ListOfficersAsync(new ListOfficersRequest { AgencyCode = agency, PageSize = 2 }, reader);
        var second = await client.ListOfficersAsync(new ListOfficersRequest { AgencyCode = agency, PageSize = 2, PageToken = first.NextPageToken }, reader);
        var anonymous = await FailsAsync(() => client.ListOfficersAsync(new ListOfficersRequest { AgencyCode = agency }, Anonymous).ResponseAsync);

        Assert.Equal(2, first.Officers.Count);
        Assert.Single(second.Officers);
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(new[] { "甲", "乙", "丙" }.Order(), first.Officers.Concat(second.Officers).Select(o => o.Name).Order());
        Assert.All(first.Officers.Concat(second.Officers), o => Assert.Equal(agency, o.AgencyCode));
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }
}
