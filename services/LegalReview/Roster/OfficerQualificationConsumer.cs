using Longshan.Contracts.Events.Publicity;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;

namespace Longshan.LegalReview.Roster;

/// <summary>
/// Keeps <c>officer_qualifications</c> from Publicity's OfficerQualificationRecorded (idempotent through the inbox): the
/// national legal professional qualification of an officer (国家统一法律职业资格). A roster entry naming that officer counts
/// as qualified for a first-time reviewer (《行政处罚法》第五十八条第二款). Exam results are not the roster's concern.
/// </summary>
public sealed class OfficerQualificationRecordedConsumer(Inbox inbox) : InboxConsumer<OfficerQualificationRecorded>(inbox)
{
    public const string LegalProfessional = "legal-professional";

    static readonly SqlStatement Upsert = new(
        """
        INSERT INTO officer_qualifications (officer_id, agency_code, name, qualification_number, obtained_on, recorded_at)
        VALUES (@officerId, @agencyCode, @name, @number, @obtainedOn, @at)
        ON CONFLICT (officer_id) DO UPDATE SET agency_code = excluded.agency_code, name = excluded.name,
            qualification_number = excluded.qualification_number, obtained_on = excluded.obtained_on, recorded_at = excluded.recorded_at
        """,
        """
        MERGE dbo.officer_qualifications WITH (HOLDLOCK) AS target
        USING (SELECT @officerId AS officer_id) AS source ON target.officer_id = source.officer_id
        WHEN MATCHED THEN UPDATE SET agency_code = @agencyCode, name = @name, qualification_number = @number, obtained_on = @obtainedOn, recorded_at = @at
        WHEN NOT MATCHED THEN INSERT (officer_id, agency_code, name, qualification_number, obtained_on, recorded_at)
            VALUES (@officerId, @agencyCode, @name, @number, @obtainedOn, @at);
        """);

    protected override async Task ApplyAsync(OfficerQualificationRecorded e, DbSession session)
    {
        if (e.QualificationKind != LegalProfessional || string.IsNullOrWhiteSpace(e.LegalCertificateNumber)) return;
        await session.ExecuteAsync(Upsert, new
        {
            officerId = e.OfficerId, agencyCode = e.AgencyCode, name = e.Name, number = e.LegalCertificateNumber.Trim(), obtainedOn = e.ObtainedOn,
            at = Time.GetUtcNow(),
        });
    }
}
