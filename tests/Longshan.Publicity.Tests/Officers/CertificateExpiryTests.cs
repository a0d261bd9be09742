using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Officers.OfficerTestData;

namespace Longshan.Publicity.Tests.Officers;

/// <summary>Expiry follows the county date (Asia/Shanghai) on the service's clock. Own fixture: these tests move the clock.</summary>
public sealed class CertificateExpiryTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly OfficerService.OfficerServiceClient client = new(app.Channel);

    async Task<CertificateStatus> StatusAsync(string number) =>
        (await client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = number }, Anonymous)).Status;

    [Fact]
    public async Task A_certificate_expires_at_the_end_of_its_last_day_in_county_time_and_no_one_sets_it()
    {
        var agency = await RegisterAgencyAsync(app);
        var today = Today(app);
        var lastDayValid = (await IssueAsync(app, agency, "王五", validTo: today)).Certificate.Number;
        var suspendedThenLapsed = (await IssueAsync(app, agency, "赵六", validTo: today)).Certificate.Number;
        var longLived = (await IssueAsync(app, agency, "钱七", validTo: today.AddYears(1))).Certificate.Number;
        await client.SuspendCertificateAsync(new SuspendCertificateRequest { RequestId = "s", CertificateNumber = suspendedThenLapsed, Reason = "暂扣" },
            TestTokens.Bearer(agency));

        // 23:59 in Longshan on the last day (15:59 UTC): still valid.
        var now = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        app.Clock.Advance(now.Date.AddDays(1).AddMinutes(-1) - now.DateTime);
        Assert.Equal(CertificateStatus.Valid, await StatusAsync(lastDayValid));
        Assert.Equal(CertificateStatus.Suspended, await StatusAsync(suspendedThenLapsed));

        // 00:01 the next county day, while it is still the same day in UTC: expired.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(today, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime));
        Assert.Equal(CertificateStatus.Expired, await StatusAsync(lastDayValid));
        Assert.Equal(CertificateStatus.Expired, await StatusAsync(suspendedThenLapsed));
        Assert.Equal(CertificateStatus.Valid, await StatusAsync(longLived));

        var verified = await client.VerifyCertificateAsync(new VerifyCertificateRequest { CertificateNumber = lastDayValid }, Anonymous);
        Assert.Equal((Date(today), Date(today.AddDays(1))), (verified.ValidTo, verified.CheckedOn));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'OfficerCertificateChanged' AND body LIKE '%expired%'"));
    }
}
