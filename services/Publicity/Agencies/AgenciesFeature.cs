namespace Longshan.Publicity.Agencies;

/// <summary>执法主体 — registering enforcement bodies (the foundation slice).</summary>
public static class AgenciesFeature
{
    public static WebApplicationBuilder AddAgencies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AgencyStore>();
        builder.Services.AddSingleton<EntrustmentStore>();
        return builder;
    }

    public static WebApplication MapAgencies(this WebApplication app)
    {
        app.MapGrpcService<AgencyEndpoint>();
        return app;
    }
}
