using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Hosting;

namespace Longshan.Publicity.Tests.Guards;

/// <summary>
/// The server's own deadline per unary method (UnaryDeadlineInterceptor): a call past it ends with DeadlineExceeded
/// whatever deadline the client sent, and the same request_id retried afterwards gets exactly one record — the write
/// that had already started is committed and the retry answered from the request log; the one that had not is never
/// run and the retry makes it.
/// </summary>
public sealed class DeadlineTests
{
    [Fact]
    public async Task A_write_past_its_methods_deadline_ends_with_deadline_exceeded_and_its_retry_makes_one_record()
    {
        using var app = new DeadlineApp();
        var agencies = new AgencyService.AgencyServiceClient(app.Channel);
        var (first, second) = (Registration(), Registration());
        var admin = TestTokens.Bearer(CreditCodes.New(), Roles.CountyAdmin);
        // The client would wait a minute; the server's deadline for RegisterAgency is half a second.
        var clientDeadline = () => DateTime.UtcNow.AddMinutes(1);

        StatusCode firstStatus, secondStatus;
        await using (await DatabaseOutage.StartAsync(app.DatabasePath))
        {
            // The first write is taken by the write queue and waits for the database; the second waits behind it.
            firstStatus = (await Assert.ThrowsAsync<RpcException>(() => agencies.RegisterAgencyAsync(first, admin, clientDeadline()).ResponseAsync)).StatusCode;
            secondStatus = (await Assert.ThrowsAsync<RpcException>(() => agencies.RegisterAgencyAsync(second, admin, clientDeadline()).ResponseAsync)).StatusCode;
        }

        Assert.Equal(StatusCode.DeadlineExceeded, firstStatus);
        Assert.Equal(StatusCode.DeadlineExceeded, secondStatus);
        // Once the database is back, the started write commits; the one that never started is not run.
        await Eventually.HoldsAsync(async () => await CountAsync(app, first) == 1, "the started write is committed");
        Assert.Equal(0, await CountAsync(app, second));

        var firstRetry = await agencies.RegisterAgencyAsync(first, admin, clientDeadline());
        var secondRetry = await agencies.RegisterAgencyAsync(second, admin, clientDeadline());

        Assert.Equal(first.CreditCode, firstRetry.Agency.CreditCode);
        Assert.Equal(second.CreditCode, secondRetry.Agency.CreditCode);
        Assert.Equal(1, await CountAsync(app, first));
        Assert.Equal(1, await CountAsync(app, second));
    }

    [Fact]
    public async Task A_method_without_its_own_deadline_keeps_the_default()
    {
        using var app = new DeadlineApp();
        var agencies = new AgencyService.AgencyServiceClient(app.Channel);
        var registration = Registration();
        var admin = TestTokens.Bearer(CreditCodes.New(), Roles.CountyAdmin);
        await agencies.RegisterAgencyAsync(registration, admin);

        // GetAgency has no entry of its own: the default (a minute here) applies, and a read far inside it answers.
        var agency = await agencies.GetAgencyAsync(new GetAgencyRequest { CreditCode = registration.CreditCode }, admin);

        Assert.Equal(registration.Name, agency.Agency.Name);
    }

    static Task<long> CountAsync(DeadlineApp app, RegisterAgencyRequest request) =>
        app.CountAsync("SELECT COUNT(*) FROM agencies WHERE credit_code = @code", new { code = request.CreditCode });

    static RegisterAgencyRequest Registration() => new()
    {
        RequestId = Guid.NewGuid().ToString(), CreditCode = CreditCodes.New(), Name = "龙山县市场监督管理局", Kind = AgencyKind.CountyDepartment,
        RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府" } },
        Duties = { "依法查处本行政区域内的违法行为" },
        StatusBases = { new LegalBasis { Law = "《龙山县人民政府机构改革方案》", Article = "龙发〔2019〕5号" } },
    };

    sealed class DeadlineApp() : ServiceApp<Program>("publicity")
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Grpc:Deadlines:Default", "00:01:00");
            builder.UseSetting("Grpc:Deadlines:Methods:AgencyService/RegisterAgency", "00:00:00.5");
        }
    }
}
