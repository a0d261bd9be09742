using Longshan.Platform.Data;

namespace Longshan.RecordingArchive.Officers;

/// <summary>An officer known here, with the versions of the certificate.</summary>
public sealed record KnownOfficer(Guid OfficerId, string AgencyCode, string Name, string CertificateNumber, IReadOnlyList<CertificateVersion> Versions);

/// <summary><c>officers</c> and <c>certificate_versions</c>: a projection of Publicity's officer events.</summary>
public sealed class OfficerStore
{
    static readonly SqlStatement UpsertOfficer = new(
        """
        INSERT INTO officers (officer_id, agency_code, name, certificate_number) VALUES (@officerId, @agencyCode, @name, @certificateNumber)
        ON CONFLICT (officer_id) DO UPDATE SET agency_code = excluded.agency_code, certificate_number = excluded.certificate_number,
            name = CASE WHEN excluded.name = '' THEN officers.name ELSE excluded.name END
        """,
        """
        UPDATE dbo.officers SET agency_code = @agencyCode, certificate_number = @certificateNumber,
            name = CASE WHEN @name = N'' THEN name ELSE @name END
        WHERE officer_id = @officerId;
        IF @@ROWCOUNT = 0
            INSERT INTO dbo.officers (officer_id, agency_code, name, certificate_number) VALUES (@officerId, @agencyCode, @name, @certificateNumber);
        """);

    static readonly SqlStatement InsertVersion = new(
        """
        INSERT OR IGNORE INTO certificate_versions (officer_id, version, state, valid_from, valid_to, effective_on)
        VALUES (@officerId, @version, @state, @validFrom, @validTo, @effectiveOn)
        """,
        """
        INSERT INTO dbo.certificate_versions (officer_id, version, state, valid_from, valid_to, effective_on)
        SELECT @officerId, @version, @state, @validFrom, @validTo, @effectiveOn
        WHERE NOT EXISTS (SELECT 1 FROM dbo.certificate_versions WITH (UPDLOCK, HOLDLOCK) WHERE officer_id = @officerId AND version = @version)
        """);

    static readonly SqlStatement SelectByCertificate = SqlStatement.Portable(
        """
        SELECT o.officer_id AS OfficerId, o.agency_code AS AgencyCode, o.name AS Name, o.certificate_number AS CertificateNumber,
               v.version AS Version, v.state AS State, v.valid_from AS ValidFrom, v.valid_to AS ValidTo, v.effective_on AS EffectiveOn
        FROM officers o JOIN certificate_versions v ON v.officer_id = o.officer_id
        WHERE o.certificate_number = @certificateNumber
        """);

    public async Task SaveAsync(DbSession session, Guid officerId, string agencyCode, string name, string certificateNumber, CertificateVersion version)
    {
        await session.ExecuteAsync(UpsertOfficer, new { officerId, agencyCode, name, certificateNumber });
        await session.ExecuteAsync(InsertVersion, new
        {
            officerId, version = version.Version, state = version.State, validFrom = version.ValidFrom, validTo = version.ValidTo,
            effectiveOn = version.EffectiveOn,
        });
    }

    public async Task<KnownOfficer?> FindAsync(DbSession session, string certificateNumber)
    {
        var rows = await session.ListAsync<Row>(SelectByCertificate, new { certificateNumber });
        if (rows.Count == 0) return null;
        var first = rows[0];
        return new KnownOfficer(first.OfficerId, first.AgencyCode, first.Name, first.CertificateNumber,
            rows.Select(r => new CertificateVersion(r.Version, r.State, r.ValidFrom, r.ValidTo, r.EffectiveOn)).ToList());
    }

    sealed class Row
    {
        public Guid OfficerId { get; set; }
        public string AgencyCode { get; set; } = "";
        public string Name { get; set; } = "";
        public string CertificateNumber { get; set; } = "";
        public int Version { get; set; }
        public string State { get; set; } = "";
        public DateOnly ValidFrom { get; set; }
        public DateOnly ValidTo { get; set; }
        public DateOnly EffectiveOn { get; set; }
    }
}
