using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Officers;
using Longshan.Publicity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Longshan.Publicity.Tests.Officers.OfficerTestData;

namespace Longshan.Publicity.Tests.Officers;

/// <summary>
/// The public check keeps its answers (<see cref="CertificateVerification"/>), yet a change is seen by the very next
/// check after its commit: made through this instance, through a second instance on the same SQLite file, or by any
/// other connection. Each check is made twice before the change, so the answer is kept when the change comes.
/// </summary>
public sealed class CertificateVerificationCacheTests : IAsyncLifetime
{
    readonly FirstInstance first = new();
    SecondInstance second = null!;

    OfficerService.OfficerServiceClient Client => new(first.Channel);

    public Task InitializeAsync()
    {
        _ = first.Server;
        second = new SecondInstance(first);
        _ = second.Server;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        second.Dispose();
        first.Dispose();
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(first.DatabasePath + suffix);
        return Task.CompletedTask;
    }

    async Task<VerifyCertificateResponse> VerifyAsync(string number) =>
        await Client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = number }, Anonymous);

    async Task<CertificateStatus> KeptStatusAsync(string number)
    {
        var once = await VerifyAsync(number);
        var twice = await VerifyAsync(number);
        Assert.Equal(once.Status, twice.Status);
        return twice.Status;
    }

    [Fact]
    public async Task A_revocation_through_this_instance_is_seen_by_the_next_check()
    {
        var agency = await first.RegisterAgencyAsync();
        var number = (await IssueAsync(first, agency)).Certificate.Number;
        Assert.Equal(CertificateStatus.Valid, await KeptStatusAsync(number));

        await Client.RevokeCertificateAsync(new RevokeCertificateRequest { RequestId = Guid.NewGuid().ToString(), CertificateNumber = number, Reason = "调离执法岗位" },
            TestTokens.Bearer(agency));

        Assert.Equal(CertificateStatus.Revoked, (await VerifyAsync(number)).Status);
    }

    [Fact]
    public async Task Changes_through_a_second_instance_on_the_same_database_are_seen_by_the_next_check_here()
    {
        var agency = await first.RegisterAgencyAsync();
        var number = (await IssueAsync(first, agency)).Certificate.Number;
        var elsewhere = new OfficerService.OfficerServiceClient(second.Channel);
        var token = TestTokens.Bearer(agency);
        Assert.Equal(CertificateStatus.Valid, await KeptStatusAsync(number));

        await elsewhere.SuspendCertificateAsync(new SuspendCertificateRequest { RequestId = Guid.NewGuid().ToString(), CertificateNumber = number, Reason = "暂扣" }, token);
        Assert.Equal(CertificateStatus.Suspended, (await VerifyAsync(number)).Status);
        Assert.Equal(CertificateStatus.Suspended, await KeptStatusAsync(number));

        await elsewhere.ReinstateCertificateAsync(new ReinstateCertificateRequest { RequestId = Guid.NewGuid().ToString(), CertificateNumber = number }, token);
        Assert.Equal(CertificateStatus.Valid, (await VerifyAsync(number)).Status);
        Assert.Equal(CertificateStatus.Valid, await KeptStatusAsync(number));

        await elsewhere.RevokeCertificateAsync(new RevokeCertificateRequest { RequestId = Guid.NewGuid().ToString(), CertificateNumber = number, Reason = "调离" }, token);
        Assert.Equal(CertificateStatus.Revoked, (await VerifyAsync(number)).Status);
    }

    [Fact]
    public async Task A_certificate_issued_through_the_second_instance_is_found_here_right_after_it_was_unknown()
    {
        var agency = await first.RegisterAgencyAsync();
        var request = IssueRequest(first, agency);
        for (var i = 0; i < 2; i++)
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => VerifyAsync(request.CertificateNumber))).StatusCode);

        await new OfficerService.OfficerServiceClient(second.Channel).IssueCertificateAsync(request, TestTokens.Bearer(agency));

        Assert.Equal(CertificateStatus.Valid, (await VerifyAsync(request.CertificateNumber)).Status);
    }

    [Fact]
    public async Task A_change_written_by_any_other_connection_is_seen_by_the_next_check()
    {
        var agency = await first.RegisterAgencyAsync("龙山县交通运输局");
        var number = (await IssueAsync(first, agency)).Certificate.Number;
        Assert.Equal(CertificateStatus.Valid, await KeptStatusAsync(number));

        await first.ExecuteAsync("UPDATE officers SET state = 'revoked' WHERE certificate_number = @number", new { number });
        Assert.Equal(CertificateStatus.Revoked, (await VerifyAsync(number)).Status);

        await first.ExecuteAsync("UPDATE agencies SET name = '龙山县交通运输综合行政执法大队' WHERE credit_code = @agency", new { agency });
        Assert.Equal("龙山县交通运输综合行政执法大队", (await VerifyAsync(number)).AgencyName);
    }

    [Fact]
    public async Task Kept_answers_are_for_one_county_day_the_last_valid_day_then_expired()
    {
        var agency = await first.RegisterAgencyAsync();
        var today = Today(first);
        var number = (await IssueAsync(first, agency, validTo: today)).Certificate.Number;
        var verification = first.Services.GetRequiredService<CertificateVerification>();

        for (var i = 0; i < 2; i++)
            Assert.Equal(CertificateStatus.Valid, (await verification.VerifyAsync(number, today, default))!.Status);
        var tomorrow = await verification.VerifyAsync(number, today.AddDays(1), default);

        Assert.Equal((CertificateStatus.Expired, Date(today.AddDays(1))), (tomorrow!.Status, tomorrow.CheckedOn));
        Assert.Equal(CertificateStatus.Valid, (await verification.VerifyAsync(number, today, default))!.Status);
    }

    [Fact]
    public async Task The_public_check_needs_no_token_while_a_write_without_one_is_unauthenticated()
    {
        var agency = await first.RegisterAgencyAsync();
        var number = (await IssueAsync(first, agency)).Certificate.Number;

        Assert.Equal(CertificateStatus.Valid, (await VerifyAsync(number)).Status);
        var revoke = new RevokeCertificateRequest { RequestId = Guid.NewGuid().ToString(), CertificateNumber = number, Reason = "调离" };
        var noToken = await Assert.ThrowsAsync<RpcException>(() => Client.RevokeCertificateAsync(revoke, Anonymous).ResponseAsync);
        var badToken = await Assert.ThrowsAsync<RpcException>(() => Client.RevokeCertificateAsync(revoke, TestTokens.Header("not-a-token")).ResponseAsync);

        Assert.Equal((StatusCode.Unauthenticated, StatusCode.Unauthenticated), (noToken.StatusCode, badToken.StatusCode));
        Assert.Equal(CertificateStatus.Valid, (await VerifyAsync(number)).Status);
        Assert.Equal(0, await first.CountAsync("SELECT COUNT(*) FROM officers WHERE certificate_number = @number AND state <> 'active'", new { number }));
    }

    /// <summary>The first instance: its database file outlives it (the second instance goes on using it).</summary>
    sealed class FirstInstance : PublicityApp
    {
        protected override bool OwnsDatabase => false;
    }

    /// <summary>A second instance of the service on the first one's database file and virtual host.</summary>
    sealed class SecondInstance(PublicityApp first) : ServiceApp<Program>("publicity", first.VirtualHost)
    {
        public override string DatabasePath => first.DatabasePath;

        protected override bool OwnsDatabase => false;
    }
}
