using System.Diagnostics;
using System.Reflection;

namespace Longshan.Testing.Load;

/// <summary>
/// A server a benchmark runs as a child process of itself (<c>&lt;command&gt; --serve &lt;what&gt; args…</c>), so the
/// callers and the server do not share a process. The child prints <c>ready &lt;address&gt;</c> when it listens and
/// stops when its standard input closes; its other output is forwarded to standard error.
/// </summary>
public sealed class ChildServer(Process process, string address) : IAsyncDisposable
{
    public string Address => address;

    public static async Task<ChildServer> StartAsync(Assembly benchmark, string command, string what, IEnumerable<string> args)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(benchmark.Location);
        foreach (var arg in new[] { command, "--serve", what }.Concat(args)) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                _ = ForwardAsync(what, process.StandardOutput); // keep the pipe drained: a full pipe would stall the server
                return new ChildServer(process, line["ready ".Length..]);
            }
            else Console.Error.WriteLine($"  [{what}] {line}");
        throw new InvalidOperationException($"the {what} server exited before it was ready");
    }

    static async Task ForwardAsync(string what, StreamReader output)
    {
        while (await output.ReadLineAsync() is { } line) Console.Error.WriteLine($"  [{what}] {line}");
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); }
        process.Dispose();
    }
}
