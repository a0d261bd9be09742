using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Grpc;
using Event = Longshan.Contracts.Events.Publicity;

namespace Longshan.Publicity.Officers;

/// <summary>
/// 行政执法人员资格管理 (T2(1) 完善行政执法人员信息管理; T24(2)(3) 培训与考试): training hours, exam results and the national
/// legal professional qualification, which exempts from the exam (持有法律职业资格的人员免于参加执法资格考试). Pure: no I/O.
/// </summary>
public static class Qualifications
{
    public const int MaxHours = 500;

    public static FieldViolations Validate(RecordOfficerTrainingRequest request, DateOnly today)
    {
        var violations = new FieldViolations().RequestId(request.RequestId)
            .Required("certificate_number", request.CertificateNumber).MaxLength("certificate_number", request.CertificateNumber.Trim(), 64)
            .Required("course", request.Course).MaxLength("course", request.Course.Trim(), 200);
        if (request.Kind is not (TrainingKind.PreService or TrainingKind.OnTheJob)) violations.Add("kind", "须为岗前培训或在岗培训 / pre-service or on-the-job");
        if (request.Hours is < 1 or > MaxHours) violations.Add("hours", $"学时须为 1–{MaxHours} / hours must be 1–{MaxHours}");
        Day(violations, "completed_on", request.CompletedOn, today);
        return violations;
    }

    public static FieldViolations Validate(RecordOfficerQualificationRequest request, DateOnly today)
    {
        var violations = new FieldViolations().RequestId(request.RequestId)
            .Required("certificate_number", request.CertificateNumber).MaxLength("certificate_number", request.CertificateNumber.Trim(), 64);
        Day(violations, "obtained_on", request.ObtainedOn, today);
        switch (request.Kind)
        {
            case QualificationKind.Exam:
                if (request.Score is < 0 or > 100) violations.Add("score", "须为 0–100 / must be 0–100");
                if (request.LegalCertificateNumber.Length > 0) violations.Add("legal_certificate_number", "仅用于法律职业资格 / only for the legal professional qualification");
                break;
            case QualificationKind.LegalProfessional:
                violations.Required("legal_certificate_number", request.LegalCertificateNumber).MaxLength("legal_certificate_number", request.LegalCertificateNumber.Trim(), 64);
                if (request.Score != 0) violations.Add("score", "仅用于考试 / only for an exam");
                break;
            default:
                violations.Add("kind", "须为执法资格考试或法律职业资格 / exam or legal-professional");
                break;
        }
        return violations;
    }

    static void Day(FieldViolations violations, string field, string text, DateOnly today)
    {
        if (!CountyTime.TryParseDate(text, out var day)) violations.Add(field, "须为 YYYY-MM-DD 日期 / must be a date YYYY-MM-DD");
        else if (day > today) violations.Add(field, "不得晚于今天 / must not be in the future");
    }

    public static TrainingRecord ToRecord(RecordOfficerTrainingRequest request, Guid recordId) => new()
    {
        RecordId = recordId.ToString("D"), Kind = request.Kind, Course = request.Course.Trim(), Hours = request.Hours,
        CompletedOn = CountyTime.Format(CountyTime.Date(request.CompletedOn)),
    };

    public static QualificationRecord ToRecord(RecordOfficerQualificationRequest request, Guid recordId) => new()
    {
        RecordId = recordId.ToString("D"),
        Kind = request.Kind,
        ObtainedOn = CountyTime.Format(CountyTime.Date(request.ObtainedOn)),
        Passed = request.Kind == QualificationKind.LegalProfessional || request.Passed,
        Score = request.Score,
        LegalCertificateNumber = request.LegalCertificateNumber.Trim(),
    };

    /// <summary>Passed when any exam was passed; exempt when the legal professional qualification is on record (it wins).</summary>
    public static ExamStanding Standing(IEnumerable<QualificationRecord> records)
    {
        var list = records.ToList();
        if (list.Any(r => r.Kind == QualificationKind.LegalProfessional)) return ExamStanding.Exempt;
        return list.Any(r => r.Kind == QualificationKind.Exam && r.Passed) ? ExamStanding.Passed : ExamStanding.NotMet;
    }

    /// <summary>Whether the officer passed the exam or is exempt from it.</summary>
    public static bool MeetsExamRequirement(IEnumerable<QualificationRecord> records) => Standing(records) != ExamStanding.NotMet;

    public static OfficerQualifications Summary(OfficerRecord officer, IReadOnlyList<TrainingRecord> trainings, IReadOnlyList<QualificationRecord> qualifications) => new()
    {
        OfficerId = officer.OfficerId.ToString("D"),
        AgencyCode = officer.AgencyCode,
        Name = officer.Name,
        EnforcementCertificateNumber = officer.CertificateNumber,
        Trainings = { trainings },
        Qualifications = { qualifications },
        PreServiceHours = trainings.Where(t => t.Kind == TrainingKind.PreService).Sum(t => t.Hours),
        OnTheJobHours = trainings.Where(t => t.Kind == TrainingKind.OnTheJob).Sum(t => t.Hours),
        ExamStanding = Standing(qualifications),
        LegalQualificationNumber = qualifications.FirstOrDefault(q => q.Kind == QualificationKind.LegalProfessional)?.LegalCertificateNumber ?? "",
    };

    public static string KindName(TrainingKind kind) => kind == TrainingKind.PreService ? "pre-service" : "on-the-job";

    public static string KindName(QualificationKind kind) => kind == QualificationKind.LegalProfessional ? "legal-professional" : "exam";

    public static string StandingName(ExamStanding standing) => standing switch
    {
        ExamStanding.Passed => "passed",
        ExamStanding.Exempt => "exempt",
        _ => "not-met",
    };

    public static Event.OfficerTrainingRecorded ToEvent(OfficerQualifications summary, TrainingRecord record, Guid eventId, DateTimeOffset now) => new()
    {
        EventId = eventId,
        OccurredAt = now,
        AgencyCode = summary.AgencyCode,
        OfficerId = Guid.Parse(summary.OfficerId),
        RecordId = Guid.Parse(record.RecordId),
        Name = summary.Name,
        TrainingKind = KindName(record.Kind),
        Course = record.Course,
        Hours = record.Hours,
        CompletedOn = CountyTime.Date(record.CompletedOn),
        PreServiceHours = summary.PreServiceHours,
        OnTheJobHours = summary.OnTheJobHours,
    };

    public static Event.OfficerQualificationRecorded ToEvent(OfficerQualifications summary, QualificationRecord record, Guid eventId, DateTimeOffset now) => new()
    {
        EventId = eventId,
        OccurredAt = now,
        AgencyCode = summary.AgencyCode,
        OfficerId = Guid.Parse(summary.OfficerId),
        RecordId = Guid.Parse(record.RecordId),
        Name = summary.Name,
        QualificationKind = KindName(record.Kind),
        ObtainedOn = CountyTime.Date(record.ObtainedOn),
        Passed = record.Passed,
        LegalCertificateNumber = record.Kind == QualificationKind.LegalProfessional ? record.LegalCertificateNumber : null,
        ExamStanding = StandingName(summary.ExamStanding),
    };
}
