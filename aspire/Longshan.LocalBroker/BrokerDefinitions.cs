using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Longshan.Contracts.Events;

namespace Longshan.LocalBroker;

/// <summary>
/// The platform's broker topology and users as RabbitMQ definitions (the format of <c>load_definitions</c> and the
/// management API's <c>/api/definitions</c>), generated from <see cref="EventCatalog"/> and <see cref="EventSubscriptions"/>:
/// <list type="bullet">
/// <item>every event's fanout exchange, and every subscriber queue bound to it the way MassTransit binds it (event
/// exchange → an exchange named like the queue → the queue), so an event published before its subscriber ever started
/// waits in the subscriber's queue instead of being dropped;</item>
/// <item>beside every subscriber queue its <c>_retry</c> queue, where a message whose consumer keeps failing waits for
/// <see cref="RedeliveryInterval"/> before the broker hands it back (<see cref="RetryQueueDefinition"/>), and its
/// <c>_error</c> queue, where messages are parked for a person;</item>
/// <item>one user per service that may publish only to <c>longshan.&lt;service&gt;.*</c> and read only its own queues
/// (it may bind its queues to any event exchange, which needs read on the exchange); a read-only template for outside
/// subscribers.</item>
/// </list>
/// </summary>
public static class BrokerDefinitions
{
    /// <summary>Any event exchange: <c>longshan.&lt;publisher&gt;.&lt;event&gt;.v&lt;n&gt;</c>.</summary>
    const string EventExchanges = @"longshan\.[a-z]+\.[a-z0-9-]+\.v[0-9]+";

    public sealed record Permission(string Configure, string Write, string Read);

    /// <summary>
    /// A service's rights: declare and write its own entities (exchanges it publishes to, its queues and their error
    /// queues, its bus endpoint); declare and bind from any event exchange (MassTransit declares the exchanges it
    /// consumes from); publish nowhere else; read no other service's queue.
    /// </summary>
    public static Permission ForService(string service)
    {
        var own = $@"longshan\.{service}\..*";
        return new Permission($"^({own}|{EventExchanges})$", $"^{own}$", $"^({own}|{EventExchanges})$");
    }

    /// <summary>An outside subscriber (e.g. the county big-data center): its own queues named <c>&lt;user&gt;.*</c>, bound to any event exchange; it can publish nothing the platform reads.</summary>
    public static Permission ForSubscriber(string user)
    {
        var own = $@"{System.Text.RegularExpressions.Regex.Escape(user)}\..*";
        return new Permission($"^{own}$", $"^{own}$", $"^({own}|{EventExchanges})$");
    }

    /// <summary>
    /// How long a message whose consumer failed waits in its queue's <c>_retry</c> queue before the broker hands it back
    /// (<see cref="RetryQueueDefinition"/>). The consumer side counts the rounds and parks a message in <c>_error</c> after
    /// <c>Messaging:Redelivery:MaxRedeliveries</c> of them (a day at this interval, MessagingSetup).
    /// </summary>
    public static readonly TimeSpan RedeliveryInterval = TimeSpan.FromMinutes(1);

    static string RetryQueue(string queue) => EventSubscription.RetryQueueOf(queue);

    static string ErrorQueue(string queue) => EventSubscription.ErrorQueueOf(queue);

    /// <summary>Exchanges, queues and bindings of one virtual host (no users): for <c>POST /api/definitions/{vhost}</c>.</summary>
    /// <param name="redeliveryInterval">The retry queues' message TTL (<see cref="RedeliveryInterval"/> unless a test wants it shorter).</param>
    public static JsonObject Topology(bool quorumQueues = false, string? virtualHost = null, TimeSpan? redeliveryInterval = null)
    {
        JsonObject Scoped(JsonObject o)
        {
            if (virtualHost is not null) o["vhost"] = virtualHost;
            return o;
        }

        var exchanges = EventCatalog.All.Select(t => EventCatalog.ContractOf(t).Exchange)
            .Concat(EventSubscriptions.All.Select(s => s.Queue))
            .Concat(EventSubscriptions.All.SelectMany(s => new[] { RetryQueue(s.Queue), ErrorQueue(s.Queue) }))
            .Distinct().Order(StringComparer.Ordinal)
            .Select(name => Scoped(new JsonObject
            {
                ["name"] = name, ["type"] = "fanout", ["durable"] = true, ["auto_delete"] = false, ["internal"] = false,
                ["arguments"] = new JsonObject(),
            }));
        // A consumer queue and its _error queue have the arguments MassTransit declares them with (it gives the error
        // queue the receive queue's); the _error queue exists from the start, so the parked-message gauge finds it.
        JsonObject Plain(string queue) => new()
        {
            ["name"] = queue, ["durable"] = true, ["auto_delete"] = false,
            ["arguments"] = quorumQueues ? new JsonObject { ["x-queue-type"] = "quorum" } : new JsonObject(),
        };
        var queues = EventSubscriptions.All.SelectMany(s => new[]
        {
            Plain(s.Queue),
            RetryQueueDefinition(s.Queue, quorumQueues, redeliveryInterval ?? RedeliveryInterval),
            Plain(ErrorQueue(s.Queue)),
        }).Select(Scoped);
        var bindings = EventSubscriptions.All.SelectMany(s => new[]
        {
            Binding(s.Exchange, s.Queue, "exchange"),
            Binding(s.Queue, s.Queue, "queue"),
            Binding(RetryQueue(s.Queue), RetryQueue(s.Queue), "queue"),
            Binding(ErrorQueue(s.Queue), ErrorQueue(s.Queue), "queue"),
        }).Select(Scoped);

        return new JsonObject
        {
            ["exchanges"] = new JsonArray([.. exchanges]),
            ["queues"] = new JsonArray([.. queues]),
            ["bindings"] = new JsonArray([.. bindings]),
        };
    }

    /// <summary>
    /// A whole broker's definitions for one virtual host: topology, one user per service with its permissions, and
    /// optionally an administrator. A null password leaves the user unable to log in until one is set (<c>rabbitmqctl change_password</c>).
    /// </summary>
    /// <param name="administrator">A user with every right and the management UI (a node that loads definitions at boot creates no default user).</param>
    public static JsonObject Broker(string virtualHost, IReadOnlyDictionary<string, string?> passwords, bool quorumQueues,
        (string Name, string Password)? administrator = null)
    {
        var document = Topology(quorumQueues, virtualHost);
        var users = passwords.ToDictionary();
        if (administrator is { } admin) users[admin.Name] = admin.Password;
        bool IsAdministrator(string user) => user == administrator?.Name;
        document["vhosts"] = new JsonArray(new JsonObject { ["name"] = virtualHost });
        document["users"] = new JsonArray([.. users.Select(p => User(p.Key, p.Value, IsAdministrator(p.Key) ? "administrator" : ""))]);
        document["permissions"] = new JsonArray([.. users.Keys.Select(user =>
        {
            var permission = IsAdministrator(user) ? new Permission(".*", ".*", ".*") : ForService(user);
            return (JsonNode)new JsonObject
            {
                ["user"] = user, ["vhost"] = virtualHost,
                ["configure"] = permission.Configure, ["write"] = permission.Write, ["read"] = permission.Read,
            };
        })]);
        return document;
    }

    /// <summary>
    /// deploy/rabbitmq/definitions.json: the <c>longshan</c> virtual host with quorum queues, the topology, one user per
    /// service without a password (operators set them: <c>rabbitmqctl change_password publicity …</c>), and a policy
    /// that gives every platform queue a delivery limit whose overflow goes to <c>longshan.dead-letter</c> (never dropped).
    /// </summary>
    public static JsonObject Deployment()
    {
        const string host = "longshan";
        var document = Broker(host, EventSubscriptions.Services.ToDictionary(s => s, _ => (string?)null), quorumQueues: true);
        document["vhosts"] = new JsonArray(new JsonObject
        {
            ["name"] = host,
            ["metadata"] = new JsonObject { ["description"] = "Longshan enforcement platform", ["default_queue_type"] = "quorum" },
        });
        document["exchanges"]!.AsArray().Add(new JsonObject
        {
            ["name"] = DeadLetter, ["vhost"] = host, ["type"] = "fanout", ["durable"] = true, ["auto_delete"] = false,
            ["internal"] = false, ["arguments"] = new JsonObject(),
        });
        document["queues"]!.AsArray().Add(new JsonObject
        {
            ["name"] = DeadLetter, ["vhost"] = host, ["durable"] = true, ["auto_delete"] = false,
            ["arguments"] = new JsonObject { ["x-queue-type"] = "quorum" },
        });
        var deadLetterBinding = Binding(DeadLetter, DeadLetter, "queue");
        deadLetterBinding["vhost"] = host;
        document["bindings"]!.AsArray().Add(deadLetterBinding);
        document["policies"] = new JsonArray(new JsonObject
        {
            ["vhost"] = host, ["name"] = "longshan-delivery-limit", ["pattern"] = @"^longshan\.(?!dead-letter$)(?!.*_retry$)",
            ["apply-to"] = "queues", ["priority"] = 1,
            ["definition"] = new JsonObject { ["delivery-limit"] = 20, ["dead-letter-exchange"] = DeadLetter },
        });
        return document;
    }

    /// <summary>
    /// Scheduled redelivery without the delayed-message plugin (Debian's RabbitMQ has none), kept by the broker alone: a
    /// consumer that still fails after its few seconds of in-process retries publishes the message, unchanged, to
    /// <c>&lt;queue&gt;_retry</c> and acknowledges it (ScheduledRedelivery in the platform). The retry queue has no consumer;
    /// its messages expire after <paramref name="interval"/> and are dead-lettered to the exchange named like the consumer
    /// queue, which is bound to it, so they arrive again. A waiting message is a durable message in a durable queue: a
    /// service restart (or several instances) cannot lose it, and no scheduler process holds it. One TTL per queue keeps
    /// the queue in expiry order (per-message TTLs expire only at the head). On a cluster the queue is a quorum queue with
    /// at-least-once dead-lettering, so not even a node failure between expiry and re-routing drops it.
    /// </summary>
    static JsonObject RetryQueueDefinition(string queue, bool quorumQueues, TimeSpan interval)
    {
        var arguments = new JsonObject
        {
            ["x-message-ttl"] = (long)interval.TotalMilliseconds,
            ["x-dead-letter-exchange"] = queue,
        };
        if (quorumQueues)
        {
            arguments["x-queue-type"] = "quorum";
            arguments["x-dead-letter-strategy"] = "at-least-once";
            arguments["x-overflow"] = "reject-publish";
        }
        return new JsonObject { ["name"] = RetryQueue(queue), ["durable"] = true, ["auto_delete"] = false, ["arguments"] = arguments };
    }

    /// <summary>Where a message goes after its queue's delivery limit (production), for a person to inspect and re-drive.</summary>
    public const string DeadLetter = "longshan.dead-letter";

    public static string ToJson(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    static JsonObject Binding(string source, string destination, string destinationType) => new()
    {
        ["source"] = source, ["destination"] = destination, ["destination_type"] = destinationType,
        ["routing_key"] = "", ["arguments"] = new JsonObject(),
    };

    static JsonObject User(string name, string? password, string tags)
    {
        var user = new JsonObject { ["name"] = name, ["tags"] = tags };
        // An empty hash matches no password: the user cannot log in until an operator sets one.
        user["password_hash"] = password is null ? "" : PasswordHash(password);
        user["hashing_algorithm"] = "rabbit_password_hashing_sha256";
        return user;
    }

    /// <summary>RabbitMQ's salted SHA-256: base64(salt ‖ SHA-256(salt ‖ UTF-8 password)) with a 4-byte salt.</summary>
    public static string PasswordHash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(4);
        var hash = SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]);
        return Convert.ToBase64String([.. salt, .. hash]);
    }
}
