using Longshan.Platform.Messaging;

namespace Longshan.Publicity.Officers;

/// <summary>执法人员与执法证 — officers and their enforcement certificates (T2, T3).</summary>
public static class OfficersFeature
{
    public static WebApplicationBuilder AddOfficers(this WebApplicationBuilder builder) => builder;

    /// <summary>The feature's event consumers (queue names are prefixed with the service).</summary>
    public static void AddConsumers(MessagingSetup.ConsumerRegistry consumers) { }

    public static WebApplication MapOfficers(this WebApplication app) => app;
}
