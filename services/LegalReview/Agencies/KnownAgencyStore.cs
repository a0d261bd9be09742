using Longshan.Contracts.Events.Publicity;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Platform.Data;

namespace Longshan.LegalReview.Agencies;

/// <summary>The <c>known_agencies</c> table: a projection of Publicity's registrations.</summary>
public sealed class KnownAgencyStore
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

    static readonly SqlStatement SelectByCode = SqlStatement.Portable(
        "SELECT credit_code AS CreditCode, name AS Name FROM known_agencies WHERE credit_code = @creditCode");

    /// <summary>Records a registration; a later one for the same code updates name and kind, not the first date.</summary>
    public Task UpsertAsync(DbSession session, AgencyRegistered registered) =>
        session.ExecuteAsync(Upsert, new { registered.AgencyCode, registered.Name, registered.Kind, registered.OccurredAt });

    public Task<GetKnownAgencyResponse?> FindAsync(DbSession session, string creditCode) =>
        session.SingleOrDefaultAsync<GetKnownAgencyResponse>(SelectByCode, new { creditCode });
}
