using Longshan.Contracts.Events.LegalReview;
using Longshan.Publicity.Tests.Support;
using RabbitMQ.Client.Exceptions;

namespace Longshan.Publicity.Tests.Guards;

/// <summary>
/// The broker's own guard rails, with the users and topology the platform gives it (BrokerDefinitions): only the
/// service that owns an event can publish it, and an event published before its subscriber ever started waits for it.
/// </summary>
public sealed class BrokerGuardTests
{
    [Theory]
    [InlineData("publicity")]
    [InlineData("statistics")]
    public async Task A_clearance_published_with_another_services_credentials_is_refused_by_the_broker(string forger)
    {
        using var app = new PublicityApp();
        _ = app.Server; // started: its virtual host and users exist
        var review = Review(app, CreditCodes.New());

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => app.PublishAsAsync(forger, review));

        Assert.Contains("ACCESS_REFUSED", Flatten(refused));
        await Task.Delay(500);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM review_clearances WHERE review_id = @id", new { id = review.ReviewId }));
    }

    [Fact]
    public async Task An_outside_subscriber_may_read_events_but_not_publish_them()
    {
        using var app = new PublicityApp();
        _ = app.Server;
        var broker = await SharedBroker.Node.Value;
        var subscriber = await broker.AddSubscriberAsync("bigdata", app.VirtualHost);

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => BrokerPublisher.PublishAsync(subscriber, Review(app, CreditCodes.New())));

        Assert.Contains("ACCESS_REFUSED", Flatten(refused));
    }

    [Fact]
    public async Task An_event_published_before_its_subscriber_first_started_is_delivered_when_it_starts()
    {
        var broker = await SharedBroker.Node.Value;
        var virtualHost = "publicity-early-" + Guid.NewGuid().ToString("N")[..8];
        await broker.CreateVirtualHostAsync(virtualHost);
        var review = Review(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero), CreditCodes.New());

        // LegalReview publishes; Publicity has never run on this broker.
        await BrokerPublisher.PublishAsync(broker.ConnectionStringAs("legalreview", virtualHost), review);

        using var app = new ServiceApp<Program>("publicity", virtualHost);
        _ = app.Server;
        await Eventually.HoldsAsync(async () => await app.CountAsync(
            "SELECT COUNT(*) FROM review_clearances WHERE review_id = @id", new { id = review.ReviewId }) == 1, "the early clearance arrives");
    }

    [Fact]
    public async Task The_owning_service_publishes_its_event_and_the_subscriber_applies_it()
    {
        using var app = new PublicityApp();
        _ = app.Server;
        var review = Review(app, CreditCodes.New());

        await app.PublishAsAsync("legalreview", review);

        await Eventually.HoldsAsync(async () => await app.CountAsync(
            "SELECT COUNT(*) FROM review_clearances WHERE review_id = @id", new { id = review.ReviewId }) == 1, "the clearance arrives");
    }

    static ReviewCompleted Review(PublicityApp app, string agency) => Review(app.Clock.GetUtcNow(), agency);

    static ReviewCompleted Review(DateTimeOffset now, string agency) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = now, AgencyCode = agency,
        ReviewId = "LS-FZSH-" + Guid.NewGuid().ToString("N")[..8], CaseNumber = "龙市监罚〔2026〕7号",
        Outcome = ReviewCompleted.Approve, CompletedAt = now.AddMinutes(-5),
    };

    static string Flatten(Exception ex) => ex is AggregateException or OperationInterruptedException
        ? ex + (ex.InnerException is null ? "" : Flatten(ex.InnerException))
        : ex.ToString();
}
