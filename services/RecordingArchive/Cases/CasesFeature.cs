using Longshan.Platform.Messaging;

namespace Longshan.RecordingArchive.Cases;

/// <summary>Case files, their records, archiving, and the legal-review clearances archiving needs.</summary>
public static class CasesFeature
{
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ArchiveOptions>(builder.Configuration.GetSection(ArchiveOptions.Section));
        builder.Services.AddSingleton<CaseStore>();
        builder.Services.AddSingleton<ReviewClearanceStore>();
        builder.Services.AddSingleton<DeviceStore>();
        builder.AddConsumer<ReviewCompletedConsumer>("review-completed");
        return builder;
    }

    public static WebApplication MapCases(this WebApplication app)
    {
        app.MapGrpcService<CaseEndpoint>();
        return app;
    }
}
