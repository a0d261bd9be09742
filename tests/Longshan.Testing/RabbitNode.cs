using System.Diagnostics;
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

    /// <summary>
    /// A new virtual host (through the management API) and the connection string into it. Test apps that share one
    /// node each get their own, so one app's consumers never take another app's messages from a same-named queue.
    /// </summary>
    public async Task<string> CreateVirtualHostAsync(string name)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{node.ManagementPort}/api/") };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
        using var empty = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        (await http.PutAsync($"vhosts/{name}", empty)).EnsureSuccessStatusCode();
        using var all = new StringContent("{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}", System.Text.Encoding.UTF8, "application/json");
        (await http.PutAsync($"permissions/{name}/guest", all)).EnsureSuccessStatusCode();
        return $"{node.ConnectionString}/{name}";
    }

    public async Task StartAsync()
    {
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
