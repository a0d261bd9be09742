using System.Text.Json;
using Longshan.Contracts.Events;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Platform.Messaging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Longshan.Publicity.Tests.Guards;

/// <summary>
/// No event lost on the way when a consumer's database is away: its messages are redelivered on a schedule through
/// the queue's <c>_retry</c> queue (the broker holds them; nothing waits in the process), and whatever is parked in
/// <c>_error</c> is counted and re-driven with the one command EVENTS.md documents.
/// </summary>
public sealed class ConsumerOutageTests
{
    const string Queue = "longshan.publicity.review-completed";

    [Fact]
    public async Task A_consumer_whose_database_is_down_for_two_minutes_under_load_applies_every_event_exactly_once()
    {
        using var app = new OutageApp();
        _ = app.Server;
        var broker = await SharedBroker.Node.Value;
        await using var publisher = await BrokerPublisher.ConnectAsync(broker.ConnectionStringAs("legalreview", app.VirtualHost));
        var sent = new List<ReviewCompleted>();
        using var stopLoad = new CancellationTokenSource();
        // Load: LegalReview publishes a clearance every 200 ms, before, during and after the outage.
        var load = Task.Run(async () =>
        {
            while (!stopLoad.IsCancellationRequested)
            {
                var review = Review(app.Clock.GetUtcNow());
                await publisher.PublishAsync(review);
                lock (sent) sent.Add(review);
                await Task.Delay(200);
            }
        });
        await Eventually.HoldsAsync(async () => await app.CountAsync("SELECT COUNT(*) FROM review_clearances") >= 5, "clearances flow before the outage");

        long appliedDuringOutage;
        await using (var outage = await DatabaseOutage.StartAsync(app.DatabasePath))
        {
            var atStart = await app.CountAsync("SELECT COUNT(*) FROM review_clearances");
            await Task.Delay(TimeSpan.FromMinutes(2));
            appliedDuringOutage = await app.CountAsync("SELECT COUNT(*) FROM review_clearances") - atStart;
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        await stopLoad.CancelAsync();
        await load;

        var metrics = app.Services.GetRequiredService<MessagingMetrics>();
        var ids = sent.Select(r => r.ReviewId).ToList();
        await Eventually.HoldsAsync(async () => await app.CountAsync("SELECT COUNT(*) FROM review_clearances") == ids.Count,
            $"all {ids.Count} clearances applied after the outage", TimeSpan.FromMinutes(3));

        Assert.Equal(0L, appliedDuringOutage); // the outage was real: nothing could be written
        Assert.True(metrics.Scheduled.GetValueOrDefault(Queue) > 0, "some messages went round the retry queue (scheduled redelivery, not only in-process retries)");
        Assert.Equal(ids.Count, await app.CountAsync("SELECT COUNT(DISTINCT review_id) FROM review_clearances"));
        Assert.Equal(ids.Count, await app.CountAsync("SELECT COUNT(*) FROM inbox_messages WHERE consumer = 'review-completed'"));
        foreach (var chunk in ids.Chunk(200))
            Assert.Equal(chunk.Length, await app.CountAsync("SELECT COUNT(*) FROM review_clearances WHERE review_id IN @chunk", new { chunk }));
        await app.Services.GetRequiredService<BrokerQueueMonitor>().RefreshAsync(CancellationToken.None);
        Assert.Equal(0L, metrics.Parked[Queue]);
        Assert.Equal(0L, metrics.Waiting[Queue]);
        Console.WriteLine($"consumer outage: {ids.Count} events, {metrics.Scheduled[Queue]} scheduled redeliveries, 0 parked, each applied once");
    }

    [Fact]
    public async Task A_parked_message_is_counted_and_the_documented_command_redrives_it()
    {
        // No scheduled rounds: a failure parks the message after the in-process retries, as after a day of rounds.
        using var app = new OutageApp(maxRedeliveries: 0);
        _ = app.Server;
        var broker = await SharedBroker.Node.Value;
        var monitor = app.Services.GetRequiredService<BrokerQueueMonitor>();
        var metrics = app.Services.GetRequiredService<MessagingMetrics>();
        var review = Review(app.Clock.GetUtcNow());

        await using (await DatabaseOutage.StartAsync(app.DatabasePath))
        {
            await app.PublishAsAsync("legalreview", review);
            await Eventually.HoldsAsync(async () =>
            {
                await monitor.RefreshAsync(CancellationToken.None);
                return metrics.Parked.GetValueOrDefault(Queue) == 1;
            }, "the message is parked and counted", TimeSpan.FromMinutes(2));
        }
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM review_clearances WHERE review_id = @id", new { id = review.ReviewId }));

        // The database is back; the operator re-drives the queue with the command from EVENTS.md.
        var output = await broker.ControlAsync(RedriveCommand(app.VirtualHost, Queue));

        await Eventually.HoldsAsync(async () => await app.CountAsync(
            "SELECT COUNT(*) FROM review_clearances WHERE review_id = @id", new { id = review.ReviewId }) == 1, "the re-driven clearance is applied");
        await Eventually.HoldsAsync(async () =>
        {
            await monitor.RefreshAsync(CancellationToken.None);
            return metrics.Parked[Queue] == 0;
        }, "nothing is parked any more");
        // The shovel deletes itself once it has moved the messages that were there (src-delete-after: queue-length).
        await Eventually.HoldsAsync(async () => !(await broker.ControlAsync("list_parameters", "-p", app.VirtualHost)).Contains("redrive-", StringComparison.Ordinal),
            "the re-drive shovel is gone");
        Assert.Contains("Setting runtime parameter", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// EVENTS.md's re-drive command ("When a consumer fails"), as <c>rabbitmqctl</c> arguments: a shovel that moves the
    /// messages parked in <c>&lt;queue&gt;_error</c> back to the queue's exchange and deletes itself when done.
    /// </summary>
    static string[] RedriveCommand(string virtualHost, string queue) =>
    [
        "set_parameter", "-p", virtualHost, "shovel", $"redrive-{queue}",
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["src-uri"] = $"amqp:///{Uri.EscapeDataString(virtualHost)}", ["src-queue"] = EventSubscription.ErrorQueueOf(queue),
            ["src-delete-after"] = "queue-length",
            ["dest-uri"] = $"amqp:///{Uri.EscapeDataString(virtualHost)}", ["dest-exchange"] = queue,
        }),
    ];

    static ReviewCompleted Review(DateTimeOffset now) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, AgencyCode = CreditCodes.New(),
        ReviewId = "LS-FZSH-" + Guid.NewGuid().ToString("N"), CaseNumber = "龙市监罚〔2026〕7号",
        Outcome = ReviewCompleted.Approve, CompletedAt = now.AddMinutes(-5),
    };

    /// <summary>
    /// Publicity whose writes fail within a second when its database cannot be written (a 1 s busy timeout instead of
    /// 30 s), as against a database server that refuses connections; and a chosen number of scheduled rounds.
    /// </summary>
    sealed class OutageApp(int? maxRedeliveries = null) : ServiceApp<Program>("publicity")
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:publicity-db", $"Data Source={DatabasePath};Default Timeout=1");
            if (maxRedeliveries is { } max) builder.UseSetting("Messaging:Redelivery:MaxRedeliveries", max.ToString());
        }
    }
}
