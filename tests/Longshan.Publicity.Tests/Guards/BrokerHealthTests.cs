using System.Net;

namespace Longshan.Publicity.Tests.Guards;

/// <summary>A broken broker is red: /health turns unhealthy while the broker is away and healthy when it is back.</summary>
public sealed class BrokerHealthTests : IAsyncLifetime
{
    readonly RabbitNode broker = new(Path.Combine(Path.GetTempPath(), "longshan-health-broker-" + Guid.NewGuid().ToString("N")[..8]));

    public Task InitializeAsync() => broker.StartAsync();

    public async Task DisposeAsync() => await broker.DisposeAsync();

    [Fact]
    public async Task Health_follows_the_broker()
    {
        using var app = new ServiceApp<Program>("publicity", broker: broker);
        using var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);

        await broker.StopAsync();
        var last = "";
        try
        {
            await Eventually.HoldsAsync(async () =>
            {
                var answer = await http.GetAsync("/health");
                last = $"{answer.StatusCode} {await answer.Content.ReadAsStringAsync()}";
                return answer.StatusCode == HttpStatusCode.ServiceUnavailable;
            }, "unhealthy without the broker", TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}; last answer: {last}", ex);
        }

        await broker.StartAsync();
        await Eventually.HoldsAsync(async () => (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK,
            "healthy when the broker is back", TimeSpan.FromSeconds(90));
    }
}
