using Longshan.Platform.Messaging;

namespace Longshan.Publicity.Decisions;

/// <summary>行政执法决定公开 — decisions' redacted public versions, deadlines, withdrawal (T4).</summary>
public static class DecisionsFeature
{
    public static WebApplicationBuilder AddDecisions(this WebApplicationBuilder builder) => builder;

    /// <summary>The feature's event consumers (queue names are prefixed with the service).</summary>
    public static void AddConsumers(MessagingSetup.ConsumerRegistry consumers) { }

    public static WebApplication MapDecisions(this WebApplication app) => app;
}
