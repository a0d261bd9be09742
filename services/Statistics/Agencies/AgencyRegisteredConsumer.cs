using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;

namespace Longshan.Statistics.Agencies;

/// <summary>
/// Counts registrations per kind. The count is incremented per event, so it is only right because the inbox
/// applies each event once: a redelivery would otherwise count an agency twice.
/// </summary>
public sealed class AgencyRegisteredConsumer(Inbox inbox, AgencyKindCountStore counts) : InboxConsumer<AgencyRegistered>(inbox)
{
    protected override Task ApplyAsync(AgencyRegistered e, DbSession session) => counts.IncrementAsync(session, e.Kind);
}
