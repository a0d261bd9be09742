using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;

namespace Longshan.RecordingArchive.Officers;

/// <summary>Learns an officer and the first version of the certificate (idempotent by inbox and by version).</summary>
public sealed class OfficerCertifiedConsumer(Inbox inbox, OfficerStore officers) : InboxConsumer<OfficerCertified>(inbox)
{
    protected override Task ApplyAsync(OfficerCertified e, DbSession session) =>
        officers.SaveAsync(session, e.OfficerId, e.AgencyCode, e.Name, e.CertificateNumber,
            new CertificateVersion(Math.Max(e.Version, 1), CertificateValidity.Active, e.ValidFrom, e.ValidTo, CountyTime.DateOf(e.OccurredAt)));
}

/// <summary>
/// Learns a certificate change (renewed, suspended, reinstated, revoked) as a new version taking effect on the event's
/// county day. Versions may arrive in any order: each is kept, and the one in force on a day is chosen when asked.
/// </summary>
public sealed class OfficerCertificateChangedConsumer(Inbox inbox, OfficerStore officers) : InboxConsumer<OfficerCertificateChanged>(inbox)
{
    protected override Task ApplyAsync(OfficerCertificateChanged e, DbSession session) =>
        officers.SaveAsync(session, e.OfficerId, e.AgencyCode, "", e.CertificateNumber,
            new CertificateVersion(e.Version, CertificateValidity.StateAfter(e.Change), e.ValidFrom, e.ValidTo, CountyTime.DateOf(e.OccurredAt)));
}
