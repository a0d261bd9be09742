using Google.Protobuf;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Data;

namespace Longshan.Publicity.Officers;

/// <summary>The <c>officer_qualification_records</c> table: an officer's training, exam and qualification records, in order.</summary>
public sealed class QualificationStore
{
    public const string Training = "training";
    public const string Exam = "exam";
    public const string LegalProfessional = "legal-professional";

    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO officer_qualification_records (record_id, officer_id, agency_code, category, body, recorded_at, recorded_by)
        VALUES (@recordId, @officerId, @agencyCode, @category, @body, @at, @by)
        """);

    static readonly SqlStatement SelectForOfficer = SqlStatement.Portable(
        "SELECT category AS Category, body AS Body FROM officer_qualification_records WHERE officer_id = @officerId ORDER BY seq");

    public Task AddTrainingAsync(DbSession session, OfficerRecord officer, TrainingRecord record, DateTimeOffset at, string by) =>
        InsertAsync(session, officer, record.RecordId, Training, JsonFormatter.Default.Format(record), at, by);

    public Task AddQualificationAsync(DbSession session, OfficerRecord officer, QualificationRecord record, DateTimeOffset at, string by) =>
        InsertAsync(session, officer, record.RecordId, record.Kind == QualificationKind.LegalProfessional ? LegalProfessional : Exam,
            JsonFormatter.Default.Format(record), at, by);

    Task InsertAsync(DbSession session, OfficerRecord officer, string recordId, string category, string body, DateTimeOffset at, string by) =>
        session.ExecuteAsync(Insert, new { recordId = Guid.Parse(recordId), officerId = officer.OfficerId, agencyCode = officer.AgencyCode, category, body, at, by });

    public async Task<(IReadOnlyList<TrainingRecord> Trainings, IReadOnlyList<QualificationRecord> Qualifications)> ForOfficerAsync(DbSession session, Guid officerId)
    {
        var rows = await session.ListAsync<Row>(SelectForOfficer, new { officerId });
        return ([.. rows.Where(r => r.Category == Training).Select(r => JsonParser.Default.Parse<TrainingRecord>(r.Body))],
            [.. rows.Where(r => r.Category != Training).Select(r => JsonParser.Default.Parse<QualificationRecord>(r.Body))]);
    }

    sealed class Row
    {
        public string Category { get; set; } = "";
        public string Body { get; set; } = "";
    }
}
