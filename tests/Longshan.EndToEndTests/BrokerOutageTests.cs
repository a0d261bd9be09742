using Dapper;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using static Longshan.EndToEndTests.Support;
using Statistics = Longshan.Contracts.Statistics.V1;

namespace Longshan.EndToEndTests;

/// <summary>
/// The broker goes away: agencies keep registering (the outbox holds their events); when it is back every
/// event reaches every consumer exactly once.
/// </summary>
public sealed class BrokerOutageTests : IAsyncLifetime
{
    readonly string folder = Path.Combine(Path.GetTempPath(), "longshan-outage-" + Guid.NewGuid().ToString("N")[..8]);
    RabbitNode broker = null!;
    Platform platform = null!;

    public async Task InitializeAsync()
    {
        broker = new RabbitNode(Path.Combine(folder, "broker"));
        await broker.StartAsync();
        platform = await Platform.StartAsync(Path.Combine(folder, "platform"), $"ConnectionStrings:rabbitmq={broker.ConnectionString}");
    }

    public async Task DisposeAsync()
    {
        await platform.DisposeAsync();
        await broker.DisposeAsync();
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* see PlatformFixture */ }
    }

    [Fact]
    public async Task Registrations_during_an_outage_arrive_exactly_once_after_the_broker_returns()
    {
        var agencies = new AgencyService.AgencyServiceClient(platform.Channel("publicity"));
        var admin = TestTokens.Bearer(CreditCodes.New(), Roles.CountyAdmin);
        await agencies.RegisterAgencyAsync(Registration(CreditCodes.New()), admin);
        Assert.True(await Eventually.TrueAsync(async () => await TotalAsync() == 1), "the first event never arrived");

        await broker.StopAsync();
        foreach (var service in Platform.Services)
            Assert.True(await Eventually.TrueAsync(async () => await platform.HealthAsync(service) == 503, TimeSpan.FromSeconds(60)),
                $"{service} still reports healthy without its broker");
        var duringOutage = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var code = CreditCodes.New();
            await agencies.RegisterAgencyAsync(Registration(code, $"龙山县第{i}执法局"), admin);
            duringOutage.Add(code);
        }
        var pending = await platform.QueryAsync("publicity", c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL"));
        Assert.Equal(5, pending);

        await broker.StartAsync();

        Assert.True(await Eventually.TrueAsync(async () => await TotalAsync() == 6, TimeSpan.FromSeconds(120)), "events were lost");
        foreach (var service in Platform.Services)
            Assert.True(await Eventually.TrueAsync(async () => await platform.HealthAsync(service) == 200, TimeSpan.FromSeconds(60)),
                $"{service} did not turn healthy when its broker returned");
        foreach (var service in new[] { "archive", "legalreview" })
            Assert.True(await Eventually.TrueAsync(async () => await platform.QueryAsync(service, c =>
                c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM known_agencies")) == 6), $"{service} missed events");
        await Task.Delay(TimeSpan.FromSeconds(3)); // any duplicate delivery would land now
        Assert.Equal(6, await TotalAsync());
        foreach (var service in new[] { "archive", "legalreview" })
            Assert.Equal(6, await platform.QueryAsync(service, c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM inbox_messages")));
        Assert.Equal(6, await platform.QueryAsync("statistics", c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM event_journal WHERE event_type = 'AgencyRegistered'")));
        Assert.Equal(0, await platform.QueryAsync("publicity", c => c.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM outbox_messages WHERE sent_at IS NULL")));
    }

    async Task<long> TotalAsync()
    {
        var client = new Statistics.StatisticsService.StatisticsServiceClient(platform.Channel("statistics"));
        var response = await client.CountAgenciesByKindAsync(new Statistics.CountAgenciesByKindRequest(), TestTokens.Bearer(CreditCodes.New(), Roles.DataCenter));
        return response.Total;
    }
}
