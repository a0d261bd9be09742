using Longshan.Platform.Messaging;

namespace Longshan.Publicity.PowerList;

/// <summary>权责清单 — the versioned power and duty list with flowcharts and service guides (T2).</summary>
public static class PowerListFeature
{
    public static WebApplicationBuilder AddPowerList(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PowerItemStore>();
        return builder;
    }

    /// <summary>The feature's event consumers (queue names are prefixed with the service). The power list consumes none.</summary>
    public static void AddConsumers(MessagingSetup.ConsumerRegistry consumers) { }

    public static WebApplication MapPowerList(this WebApplication app)
    {
        app.MapGrpcService<PowerListEndpoint>();
        return app;
    }
}
