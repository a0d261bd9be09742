using Longshan.Platform.Messaging;

namespace Longshan.LegalReview.Staffing;

/// <summary>法制审核人员配备 — the reviewer ratio per agency from Publicity's officer events and the roster (T11).</summary>
public static class StaffingFeature
{
    /// <summary>Options: <c>LegalReview:Staffing</c> (<see cref="StaffingOptions"/>, default 5%).</summary>
    public static WebApplicationBuilder AddStaffing(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection(StaffingOptions.Section).Get<StaffingOptions>() ?? new StaffingOptions());
        builder.Services.AddSingleton<StaffingStore>();
        builder.Services.AddSingleton<StaffingCheck>();
        builder.AddConsumer<OfficerCertifiedConsumer>("officer-certified");
        builder.AddConsumer<OfficerCertificateChangedConsumer>("officer-certificate-changed");
        return builder;
    }
}
