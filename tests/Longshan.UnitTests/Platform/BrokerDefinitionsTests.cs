using System.Text.RegularExpressions;
using Longshan.Contracts.Events;
using Longshan.LocalBroker;

namespace Longshan.UnitTests.Platform;

/// <summary>
/// The broker definitions operators load (deploy/rabbitmq/definitions.json) are the ones generated from the event
/// catalog and the subscriptions, and the permissions say what the guard-rails issue asks: a service publishes only
/// its own events and reads only its own queues.
/// </summary>
public sealed class BrokerDefinitionsTests
{
    static readonly string DeployFile = Path.Combine(RepositoryRoot(), "deploy", "rabbitmq", "definitions.json");

    [Fact]
    public void Deploy_definitions_are_the_generated_ones()
    {
        var generated = BrokerDefinitions.ToJson(BrokerDefinitions.Deployment()) + "\n";
        // Regenerate after adding an event or a subscription: LONGSHAN_WRITE_DEFINITIONS=1 ./test.sh --filter BrokerDefinitions
        if (Environment.GetEnvironmentVariable("LONGSHAN_WRITE_DEFINITIONS") == "1") File.WriteAllText(DeployFile, generated);
        Assert.True(generated == File.ReadAllText(DeployFile),
            "deploy/rabbitmq/definitions.json is stale: run `LONGSHAN_WRITE_DEFINITIONS=1 dotnet test tests/Longshan.UnitTests --filter BrokerDefinitions`");
    }

    [Fact]
    public void Every_subscriber_queue_is_declared_and_bound_to_its_event_exchange()
    {
        var topology = BrokerDefinitions.Topology();
        var bindings = topology["bindings"]!.AsArray().Select(b => (Source: (string)b!["source"]!, Destination: (string)b!["destination"]!)).ToHashSet();
        var queues = topology["queues"]!.AsArray().Select(q => (string)q!["name"]!).ToHashSet();
        foreach (var subscription in EventSubscriptions.All)
        {
            Assert.Contains(subscription.Queue, queues);
            Assert.Contains((subscription.Exchange, subscription.Queue), bindings);
            Assert.Contains((subscription.Queue, subscription.Queue), bindings);
        }
        Assert.Equal(EventCatalog.All.Count(), topology["exchanges"]!.AsArray().Count(e => ((string)e!["name"]!).EndsWith(".v1", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("publicity", "longshan.publicity.decision-registered.v1", true)]
    [InlineData("publicity", "longshan.legalreview.review-completed.v1", false)]
    [InlineData("legalreview", "longshan.legalreview.review-completed.v1", true)]
    [InlineData("statistics", "longshan.publicity.agency-registered.v1", false)]
    public void A_service_may_publish_only_to_its_own_exchanges(string service, string exchange, bool allowed) =>
        Assert.Equal(allowed, Regex.IsMatch(exchange, BrokerDefinitions.ForService(service).Write));

    [Theory]
    [InlineData("publicity", "longshan.publicity.review-completed", true)]
    [InlineData("statistics", "longshan.publicity.review-completed", false)]
    [InlineData("statistics", "longshan.legalreview.review-completed.v1", true)] // read on an exchange = may bind a queue to it
    public void A_service_may_read_only_its_own_queues(string service, string entity, bool allowed) =>
        Assert.Equal(allowed, Regex.IsMatch(entity, BrokerDefinitions.ForService(service).Read));

    [Fact]
    public void An_outside_subscriber_may_write_nothing_of_the_platform()
    {
        var permission = BrokerDefinitions.ForSubscriber("bigdata");
        Assert.DoesNotMatch(permission.Write, "longshan.legalreview.review-completed.v1");
        Assert.Matches(permission.Read, "longshan.legalreview.review-completed.v1");
        Assert.Matches(permission.Write, "bigdata.decisions");
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Longshan.Aspire.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
