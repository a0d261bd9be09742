namespace Longshan.Publicity.PowerList;

/// <summary>权责清单 — the versioned power and duty list with flowcharts and service guides (T2).</summary>
public static class PowerListFeature
{
    public static WebApplicationBuilder AddPowerList(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PowerItemStore>();
        return builder;
    }

    public static WebApplication MapPowerList(this WebApplication app)
    {
        app.MapGrpcService<PowerListEndpoint>();
        return app;
    }
}
