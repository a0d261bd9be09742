using Longshan.Contracts.Statistics.V1;
using Longshan.Platform.Data;

namespace Longshan.Statistics.Agencies;

/// <summary>The <c>agency_kind_counts</c> table: registrations per kind, one increment per applied event.</summary>
public sealed class AgencyKindCountStore
{
    static readonly SqlStatement Increment = new(
        "INSERT INTO agency_kind_counts (kind, agencies) VALUES (@kind, 1) ON CONFLICT (kind) DO UPDATE SET agencies = agencies + 1",
        """
        UPDATE dbo.agency_kind_counts SET agencies = agencies + 1 WHERE kind = @kind;
        IF @@ROWCOUNT = 0 INSERT INTO dbo.agency_kind_counts (kind, agencies) VALUES (@kind, 1);
        """);

    static readonly SqlStatement SelectCounts = SqlStatement.Portable(
        "SELECT kind AS Kind, agencies AS Count FROM agency_kind_counts ORDER BY kind");

    /// <summary>The projection of AgencyRegistered (JournalTable): applied once per journalled event.</summary>
    public static Task IncrementAsync(DbSession session, string kind) => session.ExecuteAsync(Increment, new { kind });

    public Task<IReadOnlyList<AgencyKindCount>> ListAsync(DbSession session) => session.ListAsync<AgencyKindCount>(SelectCounts);
}
