using System.Diagnostics;
using System.Text.Json.Nodes;
using Longshan.Contracts.Events;
using Longshan.LocalBroker;

namespace Longshan.Testing;

/// <summary>
/// A RabbitMQ node the test starts and stops itself (<see cref="LocalRabbitMq"/> as a child process). End-to-end tests
/// give the AppHost its address as an existing broker; in-process tests and benchmarks give it to the service.
/// </summary>
public sealed class RabbitNode : IAsyncDisposable
{
    readonly LocalRabbitMq node;
    readonly IReadOnlyDictionary<string, string> environment;
    Process? server;

    public RabbitNode(string dataFolder)
    {
        node = LocalRabbitMq.For(dataFolder);
        environment = node.PrepareEnvironment();
    }

    public string ConnectionString => node.ConnectionString;

    /// <summary>The server's process (the broker runs in it and its children), for benchmarks that count its CPU.</summary>
    public int? ProcessId => server?.Id;

    /// <summary>
    /// A new virtual host (through the management API) holding the platform's topology (every event exchange and
    /// subscriber queue, <see cref="BrokerDefinitions.Topology"/>), each service's user with its permissions there, and
    /// the administrator's connection string into it. Test apps that share one node each get their own virtual host, so
    /// one app's consumers never take another app's messages from a same-named queue.
    /// </summary>
    public async Task<string> CreateVirtualHostAsync(string name)
    {
        using var http = Management();
        (await http.PutAsync($"vhosts/{name}", Json(new JsonObject()))).EnsureSuccessStatusCode();
        (await http.PutAsync($"permissions/{name}/guest", Json(Permission(new BrokerDefinitions.Permission(".*", ".*", ".*"))))).EnsureSuccessStatusCode();
        (await http.PostAsync($"definitions/{name}", Json(BrokerDefinitions.Topology(redeliveryInterval: RedeliveryInterval)))).EnsureSuccessStatusCode();
        foreach (var service in EventSubscriptions.Services)
            await AddUserAsync(http, name, service, BrokerDefinitions.ForService(service));
        return $"{node.ConnectionString}/{name}";
    }

    /// <summary>
    /// The retry queues' TTL on test nodes: a failing consumer's message comes back after 5 s, not the production
    /// minute (BrokerDefinitions.RedeliveryInterval), so a test of scheduled redelivery takes seconds per round.
    /// </summary>
    public static readonly TimeSpan RedeliveryInterval = TimeSpan.FromSeconds(5);

    /// <summary>Runs <c>rabbitmqctl</c> against this node, as an operator would; its output, or an exception when it fails.</summary>
    public async Task<string> ControlAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(LocalRabbitMq.ControlBinary, ["-n", node.NodeName, .. arguments])
            { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var control = Process.Start(start)!;
        var output = control.StandardOutput.ReadToEndAsync();
        var error = control.StandardError.ReadToEndAsync();
        await control.WaitForExitAsync();
        if (control.ExitCode != 0)
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} exited with {control.ExitCode}: {await error}");
        return await output;
    }

    /// <summary>The connection string of a service's own user (created by <see cref="CreateVirtualHostAsync"/>) into a virtual host.</summary>
    public string ConnectionStringAs(string service, string virtualHost) =>
        $"amqp://{service}:{TestPassword(service)}@127.0.0.1:{node.AmqpPort}/{virtualHost}";

    /// <summary>Adds an outside subscriber's user (<see cref="BrokerDefinitions.ForSubscriber"/>) to a virtual host; returns its connection string.</summary>
    public async Task<string> AddSubscriberAsync(string user, string virtualHost)
    {
        using var http = Management();
        await AddUserAsync(http, virtualHost, user, BrokerDefinitions.ForSubscriber(user));
        return ConnectionStringAs(user, virtualHost);
    }

    static string TestPassword(string user) => user + "-test-password";

    static async Task AddUserAsync(HttpClient http, string virtualHost, string user, BrokerDefinitions.Permission permission)
    {
        (await http.PutAsync($"users/{user}", Json(new JsonObject { ["password"] = TestPassword(user), ["tags"] = "" }))).EnsureSuccessStatusCode();
        (await http.PutAsync($"permissions/{virtualHost}/{user}", Json(Permission(permission)))).EnsureSuccessStatusCode();
    }

    HttpClient Management()
    {
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{node.ManagementPort}/api/") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
        return http;
    }

    static JsonObject Permission(BrokerDefinitions.Permission p) => new() { ["configure"] = p.Configure, ["write"] = p.Write, ["read"] = p.Read };

    static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    public async Task StartAsync()
    {
        await StartPortMapperAsync();
        var start = new ProcessStartInfo(LocalRabbitMq.ServerBinary) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        server = Process.Start(start)!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await LocalRabbitMq.AnswersAmqpAsync(node.AmqpPort, CancellationToken.None) || !await ManagementAnswersAsync())
        {
            if (server.HasExited) throw new InvalidOperationException($"rabbitmq-server exited with {server.ExitCode}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException("rabbitmq-server did not open its AMQP port within 60 s");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// Erlang's port mapper (epmd) as a daemon of its own, started before any node: a node that starts it itself makes
    /// it part of its process tree, and stopping that node by force would take every other test node's names with it.
    /// </summary>
    static async Task StartPortMapperAsync()
    {
        var epmd = new ProcessStartInfo("epmd", ["-daemon", "-address", "127.0.0.1"]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(epmd)!;
            await process.WaitForExitAsync();
        }
        catch (System.ComponentModel.Win32Exception) { /* no epmd on PATH: the node starts its own */ }
    }

    async Task<bool> ManagementAnswersAsync()
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            return (await http.GetAsync($"http://127.0.0.1:{node.ManagementPort}/")).IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Stops the node the way an operator would (<c>rabbitmqctl stop</c>) and waits for the process to end.</summary>
    public async Task StopAsync()
    {
        if (server is null || server.HasExited) return;
        var stop = new ProcessStartInfo(LocalRabbitMq.ControlBinary, ["-n", node.NodeName, "stop"]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment) stop.Environment[key] = value;
        using (var control = Process.Start(stop)!) await control.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await server.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { server.Kill(entireProcessTree: true); }
        server.Dispose();
        server = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
    }
}
