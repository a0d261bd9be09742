using Longshan.Platform.Messaging;

namespace Longshan.LegalReview.Agencies;

/// <summary>Known agencies — enforcement bodies learned from Publicity's AgencyRegistered events.</summary>
public static class AgenciesFeature
{
    public static WebApplicationBuilder AddAgencies(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<KnownAgencyStore>();
        builder.AddConsumer<AgencyRegisteredConsumer>("agency-registered");
        return builder;
    }

    public static WebApplication MapAgencies(this WebApplication app)
    {
        app.MapGrpcService<KnownAgencyEndpoint>();
        return app;
    }
}
