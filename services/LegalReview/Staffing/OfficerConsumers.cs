using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;

namespace Longshan.LegalReview.Staffing;

/// <summary>Keeps <c>enforcement_officers</c> from Publicity's OfficerCertified (idempotent through the inbox), then re-checks the ratio.</summary>
public sealed class OfficerCertifiedConsumer(Inbox inbox, StaffingStore store, StaffingCheck check) : InboxConsumer<OfficerCertified>(inbox)
{
    protected override async Task ApplyAsync(OfficerCertified e, DbSession session)
    {
        await store.UpsertOfficerAsync(session, e.OfficerId, e.AgencyCode, e.Status, e.ValidTo, e.Version);
        await check.CheckAsync(session, e.AgencyCode, Time.GetUtcNow());
    }
}

/// <summary>Applies a certificate's renewal, suspension, reinstatement or revocation; the highest version wins.</summary>
public sealed class OfficerCertificateChangedConsumer(Inbox inbox, StaffingStore store, StaffingCheck check) : InboxConsumer<OfficerCertificateChanged>(inbox)
{
    protected override async Task ApplyAsync(OfficerCertificateChanged e, DbSession session)
    {
        await store.UpsertOfficerAsync(session, e.OfficerId, e.AgencyCode, e.Status, e.ValidTo, e.Version);
        await check.CheckAsync(session, e.AgencyCode, Time.GetUtcNow());
    }
}
