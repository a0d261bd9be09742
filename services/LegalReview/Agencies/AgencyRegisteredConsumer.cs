using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;

namespace Longshan.LegalReview.Agencies;

/// <summary>Keeps <c>known_agencies</c> in step with Publicity's registrations (idempotent through the inbox).</summary>
public sealed class AgencyRegisteredConsumer(Inbox inbox, KnownAgencyStore agencies) : InboxConsumer<AgencyRegistered>(inbox)
{
    protected override Task ApplyAsync(AgencyRegistered e, DbSession session) => agencies.UpsertAsync(session, e);
}
