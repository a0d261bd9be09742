using Longshan.Platform.Messaging;

namespace Longshan.RecordingArchive.Officers;

/// <summary>Officers and their certificates, learned from Publicity's officer events (for APL art. 42 and 55 checks).</summary>
public static class OfficersFeature
{
    public static WebApplicationBuilder AddOfficers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OfficerStore>();
        builder.AddConsumer<OfficerCertifiedConsumer>("officer-certified");
        builder.AddConsumer<OfficerCertificateChangedConsumer>("officer-certificate-changed");
        return builder;
    }
}
