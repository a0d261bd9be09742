using Longshan.Platform.Identity;

namespace Longshan.Statistics.Feed;

/// <summary>Configuration section <c>Feed</c>.</summary>
public sealed class FeedOptions
{
    /// <summary>Events read (and written before a flush) per journal query.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>A heartbeat when no event was sent for this long (and first thing on every stream).</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A stream whose subscriber takes no message for this long is ended (it stopped reading or is gone).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a waiting stream looks at the journal without being woken (positions given by another instance).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>事件流 — the replayable event feed for the county big-data center (<see cref="EventFeedEndpoint"/>).</summary>
public static class FeedFeature
{
    /// <summary>The big-data center (县大数据中心) and the county justice bureau (县司法局) read the feed; agencies do not.</summary>
    public const string Policy = "event-feed";

    public static WebApplicationBuilder AddFeed(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("Feed").Get<FeedOptions>() ?? new FeedOptions());
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.RequireAuthenticatedUser().RequireRole(Roles.DataCenter, Roles.CountyAdmin));
        return builder;
    }

    public static WebApplication MapFeed(this WebApplication app)
    {
        app.MapGrpcService<EventFeedEndpoint>();
        return app;
    }
}
