using Longshan.Platform.Messaging;

namespace Longshan.Statistics.Agencies;

/// <summary>Agency figures — registered enforcement bodies counted by kind from AgencyRegistered events.</summary>
public static class AgenciesFeature
{
    public static WebApplicationBuilder AddAgencies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AgencyKindCountStore>();
        builder.AddConsumer<AgencyRegisteredConsumer>("agency-registered");
        return builder;
    }

    public static WebApplication MapAgencies(this WebApplication app)
    {
        app.MapGrpcService<AgencyStatisticsEndpoint>();
        return app;
    }
}
