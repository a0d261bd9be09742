namespace Longshan.Publicity.Inspections;

/// <summary>双随机、一公开 — random-inspection item lists, reproducible draws and published results (T2).</summary>
public static class InspectionsFeature
{
    public static WebApplicationBuilder AddInspections(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<InspectionItemStore>();
        builder.Services.AddSingleton<DrawStore>();
        builder.Services.AddSingleton<InspectionResultStore>();
        builder.Services.AddSingleton<DrawRunner>();
        builder.Services.AddSingleton<TargetRegisterStore>();
        builder.Services.AddSingleton<DrawRoundStore>();
        builder.Services.AddSingleton<InspectionDeadlineStore>();
        return builder;
    }

    public static WebApplication MapInspections(this WebApplication app)
    {
        app.MapGrpcService<InspectionEndpoint>();
        return app;
    }
}
