using Longshan.Platform.Data;

namespace Longshan.LegalReview.Staffing;

/// <summary><c>enforcement_officers</c> (projection of Publicity's officer events) and <c>staffing_flags</c>.</summary>
public sealed class StaffingStore
{
    static readonly SqlStatement UpsertOfficer = new(
        """
        INSERT INTO enforcement_officers (officer_id, agency_code, status, valid_to, version)
        VALUES (@officerId, @agencyCode, @status, @validTo, @version)
        ON CONFLICT (officer_id) DO UPDATE SET agency_code = excluded.agency_code, status = excluded.status,
            valid_to = excluded.valid_to, version = excluded.version
        WHERE excluded.version >= enforcement_officers.version
        """,
        """
        MERGE dbo.enforcement_officers WITH (HOLDLOCK) AS target
        USING (SELECT @officerId AS officer_id) AS source ON target.officer_id = source.officer_id
        WHEN MATCHED AND @version >= target.version THEN
            UPDATE SET agency_code = @agencyCode, status = @status, valid_to = @validTo, version = @version
        WHEN NOT MATCHED THEN
            INSERT (officer_id, agency_code, status, valid_to, version) VALUES (@officerId, @agencyCode, @status, @validTo, @version);
        """);

    static readonly SqlStatement CountOfficers = SqlStatement.Portable(
        "SELECT COUNT(*) FROM enforcement_officers WHERE agency_code = @agencyCode AND status = 'valid' AND valid_to >= @today");

    static readonly SqlStatement CountReviewers = SqlStatement.Portable("SELECT COUNT(*) FROM reviewers WHERE agency_code = @agencyCode");

    static readonly SqlStatement SelectFlag = SqlStatement.Portable("SELECT below FROM staffing_flags WHERE agency_code = @agencyCode");

    static readonly SqlStatement UpsertFlag = new(
        """
        INSERT INTO staffing_flags (agency_code, below, changed_at) VALUES (@agencyCode, @below, @at)
        ON CONFLICT (agency_code) DO UPDATE SET below = excluded.below, changed_at = excluded.changed_at
        """,
        """
        UPDATE dbo.staffing_flags SET below = @below, changed_at = @at WHERE agency_code = @agencyCode;
        IF @@ROWCOUNT = 0 INSERT INTO dbo.staffing_flags (agency_code, below, changed_at) VALUES (@agencyCode, @below, @at);
        """);

    public Task UpsertOfficerAsync(DbSession session, Guid officerId, string agencyCode, string status, DateOnly validTo, int version) =>
        session.ExecuteAsync(UpsertOfficer, new { officerId, agencyCode, status, validTo, version });

    public async Task<(int Reviewers, int Officers)> CountAsync(DbSession session, string agencyCode, DateOnly today) =>
        ((int)await session.ScalarAsync<long>(CountReviewers, new { agencyCode }),
         (int)await session.ScalarAsync<long>(CountOfficers, new { agencyCode, today }));

    public async Task<bool> WasBelowAsync(DbSession session, string agencyCode) =>
        await session.ScalarAsync<bool?>(SelectFlag, new { agencyCode }) ?? false;

    public Task SetBelowAsync(DbSession session, string agencyCode, bool below, DateTimeOffset at) =>
        session.ExecuteAsync(UpsertFlag, new { agencyCode, below, at });
}
