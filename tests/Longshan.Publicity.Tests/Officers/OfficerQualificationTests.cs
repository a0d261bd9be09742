using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Officers.OfficerTestData;

namespace Longshan.Publicity.Tests.Officers;

/// <summary>
/// 行政执法人员资格管理 (T2(1), T24(2)(3)): training hours, exam results and the legal professional qualification, which
/// exempts from the exam; each raises its event (LegalReview's roster uses OfficerQualificationRecorded).
/// </summary>
public sealed class OfficerQualificationTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly OfficerQualificationService.OfficerQualificationServiceClient client = new(app.Channel);

    RecordOfficerTrainingRequest Training(Officer officer, TrainingKind kind, int hours) => new()
    {
        RequestId = Guid.NewGuid().ToString(), CertificateNumber = officer.Certificate.Number, Kind = kind,
        Course = kind == TrainingKind.PreService ? "2026年度行政执法人员岗前培训" : "《行政处罚法》专题培训", Hours = hours, CompletedOn = Date(Today(app).AddDays(-3)),
    };

    RecordOfficerQualificationRequest Exam(Officer officer, bool passed, int score) => new()
    {
        RequestId = Guid.NewGuid().ToString(), CertificateNumber = officer.Certificate.Number, Kind = QualificationKind.Exam,
        ObtainedOn = Date(Today(app).AddDays(-1)), Passed = passed, Score = score,
    };

    RecordOfficerQualificationRequest LegalProfessional(Officer officer, string number = "A20194301000123") => new()
    {
        RequestId = Guid.NewGuid().ToString(), CertificateNumber = officer.Certificate.Number, Kind = QualificationKind.LegalProfessional,
        ObtainedOn = "2019-03-01", LegalCertificateNumber = number,
    };

    Task<long> EventsAsync(string type, Officer officer) => app.CountAsync(
        "SELECT COUNT(*) FROM outbox_messages WHERE event_type = @type AND body LIKE @id", new { type, id = $"%{officer.OfficerId}%" });

    [Fact]
    public async Task Training_hours_add_up_per_kind_and_each_record_raises_OfficerTrainingRecorded()
    {
        var agency = await RegisterAgencyAsync(app);
        var officer = await IssueAsync(app, agency);
        var token = TestTokens.Bearer(agency);

        await client.RecordOfficerTrainingAsync(Training(officer, TrainingKind.PreService, 40), token);
        await client.RecordOfficerTrainingAsync(Training(officer, TrainingKind.OnTheJob, 16), token);
        var last = (await client.RecordOfficerTrainingAsync(Training(officer, TrainingKind.OnTheJob, 8), token)).Qualifications;
        var read = (await client.GetOfficerQualificationsAsync(new GetOfficerQualificationsRequest { CertificateNumber = officer.Certificate.Number }, token)).Qualifications;

        Assert.Equal((40, 24, 3), (last.PreServiceHours, last.OnTheJobHours, last.Trainings.Count));
        Assert.Equal(last, read);
        Assert.Equal(ExamStanding.NotMet, read.ExamStanding);
        Assert.Equal(3, await EventsAsync("OfficerTrainingRecorded", officer));
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'OfficerTrainingRecorded' AND body LIKE @id AND body LIKE '%\"onTheJobHours\":24%' AND body LIKE '%\"trainingKind\":\"on-the-job\"%'",
            new { id = $"%{officer.OfficerId}%" }));
    }

    [Fact]
    public async Task A_passed_exam_meets_the_requirement_and_the_legal_professional_qualification_exempts_from_it()
    {
        var agency = await RegisterAgencyAsync(app);
        var examinee = await IssueAsync(app, agency, "李考试");
        var lawyer = await IssueAsync(app, agency, "王法审");
        var token = TestTokens.Bearer(agency);

        var failed = (await client.RecordOfficerQualificationAsync(Exam(examinee, passed: false, score: 52), token)).Qualifications;
        var passed = (await client.RecordOfficerQualificationAsync(Exam(examinee, passed: true, score: 86), token)).Qualifications;
        var exempt = (await client.RecordOfficerQualificationAsync(LegalProfessional(lawyer), token)).Qualifications;
        var twice = await Assert.ThrowsAsync<RpcException>(() => client.RecordOfficerQualificationAsync(LegalProfessional(lawyer, "A2020"), token).ResponseAsync);

        Assert.Equal(ExamStanding.NotMet, failed.ExamStanding);
        Assert.Equal((ExamStanding.Passed, 2), (passed.ExamStanding, passed.Qualifications.Count));
        Assert.Equal((ExamStanding.Exempt, "A20194301000123"), (exempt.ExamStanding, exempt.LegalQualificationNumber));
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'OfficerQualificationRecorded' AND body LIKE @id AND body LIKE '%\"qualificationKind\":\"legal-professional\"%' AND body LIKE '%\"examStanding\":\"exempt\"%' AND body LIKE '%A20194301000123%'",
            new { id = $"%{lawyer.OfficerId}%" }));
        Assert.Equal(2, await EventsAsync("OfficerQualificationRecorded", examinee));
    }

    [Fact]
    public async Task Bad_fields_are_invalid_and_another_agency_may_not_record_for_an_officer()
    {
        var agency = await RegisterAgencyAsync(app);
        var officer = await IssueAsync(app, agency);
        var token = TestTokens.Bearer(agency);
        var noHours = Training(officer, TrainingKind.PreService, 0);
        var future = Training(officer, TrainingKind.OnTheJob, 8);
        future.CompletedOn = Date(Today(app).AddDays(1));
        var noNumber = LegalProfessional(officer, "");
        var noKind = Exam(officer, true, 90);
        noKind.Kind = QualificationKind.Unspecified;

        async Task<string> FieldAsync(Func<Task> call) =>
            (await Assert.ThrowsAsync<RpcException>(call)).GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field;

        Assert.Equal("hours", await FieldAsync(() => client.RecordOfficerTrainingAsync(noHours, token).ResponseAsync));
        Assert.Equal("completed_on", await FieldAsync(() => client.RecordOfficerTrainingAsync(future, token).ResponseAsync));
        Assert.Equal("legal_certificate_number", await FieldAsync(() => client.RecordOfficerQualificationAsync(noNumber, token).ResponseAsync));
        Assert.Equal("kind", await FieldAsync(() => client.RecordOfficerQualificationAsync(noKind, token).ResponseAsync));
        var other = await RegisterAgencyAsync(app, "龙山县交通运输局");
        var foreign = await Assert.ThrowsAsync<RpcException>(() => client.RecordOfficerQualificationAsync(LegalProfessional(officer), TestTokens.Bearer(other)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, foreign.StatusCode);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM officer_qualification_records WHERE agency_code = @agency", new { agency }));
    }
}
