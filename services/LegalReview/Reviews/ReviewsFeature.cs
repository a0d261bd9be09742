using Longshan.LegalReview.Roster;
using Longshan.Platform.Messaging;

namespace Longshan.LegalReview.Reviews;

/// <summary>法制审核 — the review workflow, the reviewer roster and the overdue watch.</summary>
public static class ReviewsFeature
{
    /// <summary>Options: <c>LegalReview:TimeLimits</c> (<see cref="ReviewTimeLimitOptions"/>), defaults from DOMAIN.md.</summary>
    public static WebApplicationBuilder AddReviews(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(ReviewTimeLimitOptions.Section).Get<ReviewTimeLimitOptions>() ?? new ReviewTimeLimitOptions());
        builder.Services.AddSingleton<ReviewStore>();
        builder.Services.AddSingleton<ReviewerStore>();
        builder.AddConsumer<OfficerQualificationRecordedConsumer>("officer-qualification-recorded");
        builder.Services.AddSingleton<ReviewView>();
        builder.Services.AddSingleton<ReviewOverdueWatch>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ReviewOverdueWatch>());
        return builder;
    }

    public static WebApplication MapReviews(this WebApplication app)
    {
        app.MapGrpcService<ReviewEndpoint>();
        app.MapGrpcService<RosterEndpoint>();
        return app;
    }
}
