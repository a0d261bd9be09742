using Longshan.Contracts.Events.LegalReview;
using Longshan.Contracts.Events.Publicity;

namespace Longshan.Contracts.Events;

/// <summary>
/// One service's durable subscription to one event: its queue <c>longshan.&lt;service&gt;.&lt;name&gt;</c>, bound to the
/// event's exchange.
/// </summary>
public sealed record EventSubscription(string Service, string Name, Type Event)
{
    /// <summary>The consumer's queue, and the exchange of the same name MassTransit puts in front of it.</summary>
    public string Queue => $"longshan.{Service}.{Name}";

    /// <summary>The event's fanout exchange, <c>longshan.&lt;publisher&gt;.&lt;event&gt;.v&lt;n&gt;</c>.</summary>
    public string Exchange => EventCatalog.ContractOf(Event).Exchange;

    /// <summary>Where a message whose consumer keeps failing waits before the broker hands it back (the queue and its exchange).</summary>
    public string RetryQueue => RetryQueueOf(Queue);

    /// <summary><c>&lt;queue&gt;_retry</c>: inside the service's own names, so only its broker user may publish there.</summary>
    public static string RetryQueueOf(string queue) => queue + "_retry";

    /// <summary><c>&lt;queue&gt;_error</c>: MassTransit's queue for messages parked for a person.</summary>
    public static string ErrorQueueOf(string queue) => queue + "_error";
}

/// <summary>
/// Every service's subscriptions, in one place, so the broker can hold each queue before its service first starts: a
/// fanout exchange with no queue bound confirms an event and drops it. The broker definitions (deploy/rabbitmq, the
/// AppHost's local node, the tests' nodes) declare these queues and bindings; a consumer registered with
/// <c>builder.AddConsumer&lt;T&gt;(name)</c> that is not listed here stops its service at start-up.
/// </summary>
public static class EventSubscriptions
{
    /// <summary>The services that connect to the broker, each with its own user (publishes only to <c>longshan.&lt;service&gt;.*</c>).</summary>
    public static readonly IReadOnlyList<string> Services = ["publicity", "archive", "legalreview", "statistics"];

    public static readonly IReadOnlyList<EventSubscription> All =
    [
        new("publicity", "review-completed", typeof(ReviewCompleted)),
        new("archive", "agency-registered", typeof(AgencyRegistered)),
        new("archive", "officer-certified", typeof(OfficerCertified)),
        new("archive", "officer-certificate-changed", typeof(OfficerCertificateChanged)),
        new("archive", "review-completed", typeof(ReviewCompleted)),
        new("legalreview", "agency-registered", typeof(AgencyRegistered)),
        new("legalreview", "officer-certified", typeof(OfficerCertified)),
        new("legalreview", "officer-certificate-changed", typeof(OfficerCertificateChanged)),
        new("publicity", "major-decision-catalog-published", typeof(MajorDecisionCatalogPublished)),
        // issue 12: the reviewer roster learns officers' legal professional qualification from Publicity.
        new("legalreview", "officer-qualification-recorded", typeof(OfficerQualificationRecorded)),
        // Statistics journals every event of the platform, present and future (its feed replays them).
        .. EventCatalog.All.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new EventSubscription("statistics", JournalNameOf(t), t)),
    ];

    /// <summary>
    /// The name of Statistics' journal subscription to an event: the event type in kebab case, with <c>-v2</c>… from
    /// the second schema version on (version 1 of AgencyRegistered keeps the queue the agency counter always had).
    /// </summary>
    public static string JournalNameOf(Type eventType)
    {
        var contract = EventCatalog.ContractOf(eventType);
        var kebab = string.Concat(contract.Type.Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
        return contract.Version == 1 ? kebab : $"{kebab}-v{contract.Version}";
    }

    public static EventSubscription? Find(string service, string name) =>
        All.SingleOrDefault(s => s.Service == service && s.Name == name);
}
