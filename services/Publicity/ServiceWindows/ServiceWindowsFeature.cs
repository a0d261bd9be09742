namespace Longshan.Publicity.ServiceWindows;

/// <summary>政务服务窗口岗位信息公示 — service windows and their duty boards (seed task T3(3)).</summary>
public static class ServiceWindowsFeature
{
    public static WebApplicationBuilder AddServiceWindows(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ServiceWindowStore>();
        builder.Services.AddSingleton<WindowBoardStore>();
        return builder;
    }

    public static WebApplication MapServiceWindows(this WebApplication app)
    {
        app.MapGrpcService<ServiceWindowEndpoint>();
        return app;
    }
}
