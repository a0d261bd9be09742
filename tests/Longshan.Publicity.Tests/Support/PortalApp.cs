using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace Longshan.Publicity.Tests.Support;

/// <summary>
/// Publicity on real Kestrel sockets (HTTP/1.1 for the portal, HTTP/2 for gRPC) plus a headless Debian Chromium
/// driven by Playwright, for tests that look at the portal as a citizen would.
/// </summary>
public sealed class PortalApp : PublicityApp, IAsyncLifetime
{
    readonly int httpPort = FreePort.Next();
    readonly int grpcPort = FreePort.Next();
    GrpcChannel? socketChannel;
    IPlaywright? playwright;

    public PortalApp()
    {
        UseKestrel();
        StartServer();
    }

    public string PortalAddress => $"http://127.0.0.1:{httpPort}";

    public override GrpcChannel Channel => socketChannel ??= GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");

    public IBrowser Browser { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("HTTP_PORT", httpPort.ToString());
        builder.UseSetting("GRPC_PORT", grpcPort.ToString());
    }

    public async Task InitializeAsync()
    {
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // As root in a sandbox-less container; no background traffic to the (closed) internet.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        socketChannel?.Dispose();
    }
}
