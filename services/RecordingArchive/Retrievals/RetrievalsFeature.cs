namespace Longshan.RecordingArchive.Retrievals;

/// <summary>Supervised retrieval (调阅): requests, approvals, the read log and its report.</summary>
public static class RetrievalsFeature
{
    public static WebApplicationBuilder AddRetrievals(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RetrievalStore>();
        builder.Services.AddSingleton<ReadAccess>();
        return builder;
    }

    public static WebApplication MapRetrievals(this WebApplication app)
    {
        app.MapGrpcService<RetrievalEndpoint>();
        return app;
    }
}
