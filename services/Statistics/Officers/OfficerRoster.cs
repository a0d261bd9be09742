using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;

namespace Longshan.Statistics.Officers;

/// <summary>
/// 执法人员 — officers per agency with their certificate's latest status, from OfficerCertified and
/// OfficerCertificateChanged. The outbox does not promise order, so the row keeps the highest certificate version seen
/// (an older event arriving late changes nothing).
/// </summary>
public static class OfficerRoster
{
    static readonly SqlStatement Upsert = new(
        """
        INSERT INTO officer_roster (officer_id, agency_code, version, status) VALUES (@officerId, @agencyCode, @version, @status)
        ON CONFLICT (officer_id) DO UPDATE SET agency_code = excluded.agency_code, version = excluded.version, status = excluded.status
        WHERE excluded.version > officer_roster.version
        """,
        """
        UPDATE dbo.officer_roster SET agency_code = @agencyCode, version = @version, status = @status
        WHERE officer_id = @officerId AND version < @version;
        IF @@ROWCOUNT = 0 AND NOT EXISTS (SELECT 1 FROM dbo.officer_roster WITH (UPDLOCK, HOLDLOCK) WHERE officer_id = @officerId)
            INSERT INTO dbo.officer_roster (officer_id, agency_code, version, status) VALUES (@officerId, @agencyCode, @version, @status);
        """);

    public static Task CertifiedAsync(OfficerCertified e, DbSession session) =>
        session.ExecuteAsync(Upsert, new { officerId = e.OfficerId, agencyCode = e.AgencyCode, version = Math.Max(e.Version, 1), status = e.Status });

    public static Task ChangedAsync(OfficerCertificateChanged e, DbSession session) =>
        session.ExecuteAsync(Upsert, new { officerId = e.OfficerId, agencyCode = e.AgencyCode, version = e.Version, status = e.Status });
}
