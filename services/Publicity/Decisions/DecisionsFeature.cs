using Longshan.Platform.Messaging;

namespace Longshan.Publicity.Decisions;

/// <summary>行政执法决定公开 — decisions' redacted public versions, deadlines, withdrawal (T4).</summary>
public static class DecisionsFeature
{
    /// <summary>
    /// Options: <c>Publicity:Deadlines</c> (<see cref="PublicationDeadlineOptions"/>), <c>Publicity:Redaction</c>
    /// (<see cref="RedactionOptions"/>), <c>Publicity:DisplayPeriod</c> (<see cref="DisplayPeriodOptions"/>),
    /// <c>Publicity:Overdue</c> (<see cref="OverdueOptions"/>); every one defaults to DOMAIN.md's values.
    /// </summary>
    public static WebApplicationBuilder AddDecisions(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.Services.AddSingleton(configuration.GetSection("Publicity:Deadlines").Get<PublicationDeadlineOptions>() ?? PublicationDeadlineOptions.Default);
        builder.Services.AddSingleton(configuration.GetSection("Publicity:Redaction").Get<RedactionOptions>() ?? RedactionOptions.Default);
        builder.Services.AddSingleton(configuration.GetSection(DisplayPeriodOptions.Section).Get<DisplayPeriodOptions>() ?? new DisplayPeriodOptions());
        builder.Services.AddSingleton(configuration.GetSection(OverdueOptions.Section).Get<OverdueOptions>() ?? new OverdueOptions());
        builder.Services.AddSingleton<DecisionStore>();
        builder.Services.AddSingleton<PublicDecisionStore>();
        builder.Services.AddSingleton<ReviewClearanceStore>();
        builder.Services.AddSingleton<PublicationPolicyStore>();
        builder.Services.AddSingleton<DeadlineWatch>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DeadlineWatch>());
        builder.AddConsumer<ReviewCompletedConsumer>("review-completed");
        return builder;
    }

    public static WebApplication MapDecisions(this WebApplication app)
    {
        app.MapGrpcService<DecisionEndpoint>();
        return app;
    }
}
