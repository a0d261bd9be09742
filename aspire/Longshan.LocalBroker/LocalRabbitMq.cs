using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Longshan.LocalBroker;

/// <summary>
/// A private RabbitMQ node from Debian's <c>rabbitmq-server</c> package, run as a plain process: its own data
/// folder, node name and loopback ports, the management and shovel plugins on (see RUNNING-LOCALLY.md). Used by the AppHost
/// when no broker is configured and no container runtime answers, and by tests that stop and start a broker
/// (<c>Longshan.Testing.RabbitNode</c>).
/// </summary>
public sealed record LocalRabbitMq(string DataFolder, string NodeName, int AmqpPort, int ManagementPort, int DistributionPort)
{
    /// <summary>The server script that runs the node in the foreground (not the /usr/sbin wrapper, which changes user).</summary>
    public const string ServerBinary = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    public const string ControlBinary = "/usr/lib/rabbitmq/bin/rabbitmqctl";

    public static bool IsInstalled => File.Exists(ServerBinary);

    public string ConnectionString => $"amqp://guest:guest@127.0.0.1:{AmqpPort}";

    /// <summary>A node for a data folder: the node name is derived from the folder, ports are free ones.</summary>
    public static LocalRabbitMq For(string dataFolder)
    {
        var full = Path.GetFullPath(dataFolder);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(full)))[..10];
        return new LocalRabbitMq(full, $"longshan-{hash}@localhost", FreePort(), FreePort(), FreePort());
    }

    /// <summary>The connection string of one of the platform's users (see <see cref="PrepareEnvironment"/>).</summary>
    public string ConnectionStringAs(string user, string password) => $"amqp://{user}:{password}@127.0.0.1:{AmqpPort}";

    /// <summary>
    /// Writes the node's configuration files and returns the environment the server (and rabbitmqctl) needs. With
    /// <paramref name="servicePasswords"/>, the node loads the platform's definitions at every boot
    /// (<see cref="BrokerDefinitions.Broker"/>: topology, one user per service with these passwords, and guest/guest as the
    /// administrator, loopback only, as RabbitMQ would create it without definitions).
    /// </summary>
    public IReadOnlyDictionary<string, string> PrepareEnvironment(IReadOnlyDictionary<string, string?>? servicePasswords = null)
    {
        Directory.CreateDirectory(DataFolder);
        var config = Path.Combine(DataFolder, "rabbitmq.conf");
        var definitions = Path.Combine(DataFolder, "definitions.json");
        if (servicePasswords is not null)
            File.WriteAllText(definitions, BrokerDefinitions.ToJson(BrokerDefinitions.Broker("/", servicePasswords, quorumQueues: false, administrator: ("guest", "guest"))));
        File.WriteAllText(config, $"""
            listeners.tcp.default = 127.0.0.1:{AmqpPort}
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {ManagementPort}
            loopback_users.guest = true
            {(servicePasswords is null ? "" : $"load_definitions = {definitions}")}
            """);
        var plugins = Path.Combine(DataFolder, "enabled_plugins");
        // Shovel: the one-command re-drive of parked messages (EVENTS.md, "When a consumer fails").
        File.WriteAllText(plugins, "[rabbitmq_management,rabbitmq_shovel].");
        const string loopbackOnly = "-kernel inet_dist_use_interface {127,0,0,1}";
        return new Dictionary<string, string>
        {
            ["HOME"] = DataFolder,
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = AmqpPort.ToString(),
            ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(DataFolder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(DataFolder, "log"),
            ["RABBITMQ_LOGS"] = "-",
            ["RABBITMQ_CONFIG_FILE"] = config,
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = plugins,
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = loopbackOnly,
            ["RABBITMQ_CTL_ERL_ARGS"] = loopbackOnly,
        };
    }

    /// <summary>True when the node completes the first step of an AMQP 0-9-1 handshake (it sends Connection.Start).</summary>
    public static async Task<bool> AnswersAmqpAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), timeout.Token);
            var frame = new byte[7];
            var read = await stream.ReadAtLeastAsync(frame, frame.Length, throwOnEndOfStream: false, timeout.Token);
            return read == frame.Length && frame[0] == 1; // frame type 1 = method (Connection.Start)
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>
    /// A TCP port on loopback that nothing listens on right now, chosen below the kernel's ephemeral range: the node
    /// binds it seconds later, and a port from that range (what a port-0 listener gets) can meanwhile become the local
    /// port of any outgoing connection on the machine — a CI run once lost every end-to-end test to <c>eaddrinuse</c>.
    /// </summary>
    public static int FreePort()
    {
        var below = EphemeralRangeStart();
        for (var attempt = 0; attempt < 200 && below > 10_000; attempt++)
        {
            var port = Random.Shared.Next(10_000, below);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: try another
            }
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first port of the kernel's ephemeral range (Linux; 32768 elsewhere, the common default).</summary>
    static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        try
        {
            if (File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start))
                return start;
        }
        catch (IOException)
        {
            // unreadable: use the default
        }
        return 32_768;
    }
}
