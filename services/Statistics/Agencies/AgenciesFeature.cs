namespace Longshan.Statistics.Agencies;

/// <summary>Agency figures — registered enforcement bodies counted by kind, projected from journalled AgencyRegistered events (Journal/JournalTable).</summary>
public static class AgenciesFeature
{
    public static WebApplicationBuilder AddAgencies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AgencyKindCountStore>();
        return builder;
    }

    public static WebApplication MapAgencies(this WebApplication app)
    {
        app.MapGrpcService<AgencyStatisticsEndpoint>();
        return app;
    }
}
