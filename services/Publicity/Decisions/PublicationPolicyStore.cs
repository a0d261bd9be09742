using Google.Protobuf.WellKnownTypes;
using Longshan.Platform.Data;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary><c>publication_policies</c>: per agency, whether its publications need a publisher's approval (seed task T1(1)).</summary>
public sealed class PublicationPolicyStore
{
    static readonly SqlStatement Upsert = new(
        """
        INSERT INTO publication_policies (agency_code, requires_approval, updated_at, updated_by)
        VALUES (@agencyCode, @requiresApproval, @updatedAt, @updatedBy)
        ON CONFLICT (agency_code) DO UPDATE SET requires_approval = excluded.requires_approval,
            updated_at = excluded.updated_at, updated_by = excluded.updated_by
        """,
        """
        MERGE publication_policies WITH (HOLDLOCK) AS target
        USING (SELECT @agencyCode AS agency_code) AS source ON target.agency_code = source.agency_code
        WHEN MATCHED THEN UPDATE SET requires_approval = @requiresApproval, updated_at = @updatedAt, updated_by = @updatedBy
        WHEN NOT MATCHED THEN INSERT (agency_code, requires_approval, updated_at, updated_by)
            VALUES (@agencyCode, @requiresApproval, @updatedAt, @updatedBy);
        """);

    static readonly SqlStatement Select = SqlStatement.Portable(
        """
        SELECT agency_code AS AgencyCode, requires_approval AS RequiresApproval, updated_at AS UpdatedAt, updated_by AS UpdatedBy
        FROM publication_policies WHERE agency_code = @agencyCode
        """);

    sealed class Row
    {
        public string AgencyCode { get; set; } = "";
        public bool RequiresApproval { get; set; }
        public DateTimeOffset UpdatedAt { get; set; }
        public string UpdatedBy { get; set; } = "";
    }

    public Task SetAsync(DbSession session, string agencyCode, bool requiresApproval, DateTimeOffset updatedAt, string updatedBy) =>
        session.ExecuteAsync(Upsert, new { agencyCode, requiresApproval, updatedAt, updatedBy });

    /// <summary>The agency's policy; off (requires_approval false, no update) when never set.</summary>
    public async Task<V1.PublicationPolicy> FindAsync(DbSession session, string agencyCode)
    {
        var row = await session.SingleOrDefaultAsync<Row>(Select, new { agencyCode });
        return row is null
            ? new V1.PublicationPolicy { AgencyCode = agencyCode }
            : new V1.PublicationPolicy
            {
                AgencyCode = row.AgencyCode.Trim(), RequiresApproval = row.RequiresApproval,
                UpdatedAt = Timestamp.FromDateTimeOffset(row.UpdatedAt), UpdatedBy = row.UpdatedBy,
            };
    }

    public async Task<bool> RequiresApprovalAsync(DbSession session, string agencyCode) =>
        (await FindAsync(session, agencyCode)).RequiresApproval;
}
