using Longshan.Platform.Messaging;

namespace Longshan.Publicity.Portal;

/// <summary>公示平台 — the public disclosure portal, server-rendered Chinese pages (T1).</summary>
public static class PortalFeature
{
    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder) => builder;

    /// <summary>The feature's event consumers (queue names are prefixed with the service).</summary>
    public static void AddConsumers(MessagingSetup.ConsumerRegistry consumers) { }

    public static WebApplication MapPortal(this WebApplication app) => app;
}
