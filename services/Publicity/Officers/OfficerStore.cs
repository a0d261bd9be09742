using System.Text.Json;
using Longshan.Platform.Data;

namespace Longshan.Publicity.Officers;

/// <summary>The <c>officers</c> table (one row per officer and certificate); areas are stored as a JSON array.</summary>
public sealed class OfficerStore
{
    const string Columns =
        "officer_id, agency_code, name, certificate_number, certificate_kind, issuing_body, valid_from, valid_to, areas, state, state_reason, version";

    static readonly SqlStatement Insert = SqlStatement.Portable(
        $"""
        INSERT INTO officers ({Columns}, issued_at, updated_at)
        VALUES (@officerId, @agencyCode, @name, @certificateNumber, @certificateKind, @issuingBody, @validFrom, @validTo, @areas,
                @state, @stateReason, @version, @at, @at)
        """);

    static readonly SqlStatement SelectByNumber = SqlStatement.Portable(
        $"SELECT {Columns} FROM officers WHERE certificate_number = @certificateNumber");

    /// <summary>Optimistic: the row is changed only if nobody changed it since it was read.</summary>
    static readonly SqlStatement Update = SqlStatement.Portable(
        """
        UPDATE officers SET valid_from = @validFrom, valid_to = @validTo, state = @state, state_reason = @stateReason,
            version = version + 1, updated_at = @at
        WHERE officer_id = @officerId AND version = @version
        """);

    static readonly SqlStatement SelectPage = new(
        $"SELECT {Columns} FROM officers WHERE agency_code = @agencyCode AND certificate_number > @after ORDER BY certificate_number LIMIT @take",
        $"SELECT TOP (@take) {Columns} FROM officers WHERE agency_code = @agencyCode AND certificate_number > @after ORDER BY certificate_number");

    static readonly SqlStatement SelectByAgency = SqlStatement.Portable(
        $"SELECT {Columns} FROM officers WHERE agency_code = @agencyCode ORDER BY certificate_number");

    public Task InsertAsync(DbSession session, OfficerRecord officer, DateTimeOffset at) =>
        session.ExecuteAsync(Insert, Parameters(officer, at));

    /// <summary>
    /// Stores <paramref name="changed"/> (still carrying the version it was read at) and returns the record as stored,
    /// with the next version; null when another writer changed the row first.
    /// </summary>
    public async Task<OfficerRecord?> UpdateAsync(DbSession session, OfficerRecord changed, DateTimeOffset at) =>
        await session.ExecuteAsync(Update, Parameters(changed, at)) == 1 ? changed with { Version = changed.Version + 1 } : null;

    public async Task<OfficerRecord?> FindAsync(DbSession session, string certificateNumber) =>
        (await session.SingleOrDefaultAsync<OfficerRow>(SelectByNumber, new { certificateNumber }))?.ToRecord();

    /// <summary>Up to <paramref name="take"/> officers of the agency after the certificate number <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<OfficerRecord>> PageAsync(DbSession session, string agencyCode, string after, int take) =>
        [.. (await session.QueryAsync<OfficerRow>(SelectPage, new { agencyCode, after, take })).Select(r => r.ToRecord())];

    /// <summary>Every officer of the agency, whatever the status (the draw picks the eligible ones).</summary>
    public async Task<IReadOnlyList<OfficerRecord>> ListByAgencyAsync(DbSession session, string agencyCode) =>
        [.. (await session.QueryAsync<OfficerRow>(SelectByAgency, new { agencyCode })).Select(r => r.ToRecord())];

    static object Parameters(OfficerRecord o, DateTimeOffset at) => new
    {
        officerId = o.OfficerId,
        agencyCode = o.AgencyCode,
        name = o.Name,
        certificateNumber = o.CertificateNumber,
        certificateKind = OfficerMapping.KindName(o.Kind),
        issuingBody = o.IssuingBody,
        validFrom = o.ValidFrom,
        validTo = o.ValidTo,
        areas = JsonSerializer.Serialize(o.Areas),
        state = OfficerMapping.StateName(o.State),
        stateReason = o.StateReason,
        version = o.Version,
        at,
    };

    sealed class OfficerRow
    {
        public Guid OfficerId { get; init; }
        public string AgencyCode { get; init; } = "";
        public string Name { get; init; } = "";
        public string CertificateNumber { get; init; } = "";
        public string CertificateKind { get; init; } = "";
        public string IssuingBody { get; init; } = "";
        public DateOnly ValidFrom { get; init; }
        public DateOnly ValidTo { get; init; }
        public string Areas { get; init; } = "[]";
        public string State { get; init; } = "";
        public string StateReason { get; init; } = "";
        public int Version { get; init; }

        public OfficerRecord ToRecord() => new(
            OfficerId, AgencyCode.Trim(), Name, CertificateNumber, OfficerMapping.KindFromName(CertificateKind), IssuingBody,
            ValidFrom, ValidTo, JsonSerializer.Deserialize<string[]>(Areas) ?? [], OfficerMapping.StateFromName(State), StateReason, Version);
    }
}
