using System.Data.Common;
using Dapper;
using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;

namespace Longshan.Statistics.Agencies;

/// <summary>
/// Counts registrations per kind. The count is incremented per event, so it is only right because the inbox
/// applies each event once: a redelivery would otherwise count an agency twice.
/// </summary>
public sealed class AgencyRegisteredConsumer(Database database, TimeProvider time, ILogger<AgencyRegisteredConsumer> logger)
    : InboxConsumer<AgencyRegistered>(database, time, logger)
{
    static readonly SqlStatement Increment = new(
        "INSERT INTO agency_kind_counts (kind, agencies) VALUES (@Kind, 1) ON CONFLICT (kind) DO UPDATE SET agencies = agencies + 1",
        """
        UPDATE dbo.agency_kind_counts SET agencies = agencies + 1 WHERE kind = @Kind;
        IF @@ROWCOUNT = 0 INSERT INTO dbo.agency_kind_counts (kind, agencies) VALUES (@Kind, 1);
        """);

    protected override Task ApplyAsync(AgencyRegistered @event, DbTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(Database.Sql(Increment), new { @event.Kind }, transaction);
}
