namespace Longshan.Publicity.Officers;

/// <summary>执法人员与执法证 — officers and their enforcement certificates (T2, T3).</summary>
public static class OfficersFeature
{
    /// <summary>Options from configuration section <c>Officers</c> (<see cref="OfficerOptions"/>).</summary>
    public static WebApplicationBuilder AddOfficers(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OfficerOptions.Section).Get<OfficerOptions>() ?? new OfficerOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<CertificateNumberFormat>();
        builder.Services.AddSingleton<OfficerStore>();
        builder.Services.AddSingleton<CertificateChanges>();
        builder.Services.AddSingleton<CertificateVerification>();
        builder.Services.AddSingleton<QualificationStore>();
        return builder;
    }

    public static WebApplication MapOfficers(this WebApplication app)
    {
        app.MapGrpcService<OfficerEndpoint>();
        app.MapGrpcService<QualificationEndpoint>();
        return app;
    }
}
