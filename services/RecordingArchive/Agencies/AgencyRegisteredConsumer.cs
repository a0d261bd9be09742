using System.Data.Common;
using Dapper;
using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;

namespace Longshan.RecordingArchive.Agencies;

/// <summary>Keeps <c>known_agencies</c> in step with Publicity's registrations (idempotent through the inbox).</summary>
public sealed class AgencyRegisteredConsumer(Database database, TimeProvider time, ILogger<AgencyRegisteredConsumer> logger)
    : InboxConsumer<AgencyRegistered>(database, time, logger)
{
    static readonly SqlStatement Upsert = new(
        """
        INSERT INTO known_agencies (credit_code, name, kind, registered_at) VALUES (@AgencyCode, @Name, @Kind, @OccurredAt)
        ON CONFLICT (credit_code) DO UPDATE SET name = excluded.name, kind = excluded.kind
        """,
        """
        UPDATE dbo.known_agencies SET name = @Name, kind = @Kind WHERE credit_code = @AgencyCode;
        IF @@ROWCOUNT = 0
            INSERT INTO dbo.known_agencies (credit_code, name, kind, registered_at) VALUES (@AgencyCode, @Name, @Kind, @OccurredAt);
        """);

    protected override Task ApplyAsync(AgencyRegistered @event, DbTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(Database.Sql(Upsert), new { @event.AgencyCode, @event.Name, @event.Kind, @event.OccurredAt }, transaction);
}
