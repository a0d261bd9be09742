namespace Longshan.LegalReview.Discretion;

/// <summary>行政裁量权基准 — discretion benchmarks and SuggestDiscretion (《行政处罚法》第三十四条; T18).</summary>
public static class DiscretionFeature
{
    public static WebApplicationBuilder AddDiscretion(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DiscretionStore>();
        return builder;
    }

    public static WebApplication MapDiscretion(this WebApplication app)
    {
        app.MapGrpcService<DiscretionEndpoint>();
        return app;
    }
}
