using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.Officers;

/// <summary>gRPC <c>longshan.publicity.v1.OfficerQualificationService</c>: officers' training, exams and legal professional qualification.</summary>
public sealed class QualificationEndpoint(
    ReadSession reads, OfficerStore officers, QualificationStore records, WriteTransaction writes, TimeProvider time)
    : OfficerQualificationService.OfficerQualificationServiceBase
{
    [Authorize(Policy = Policies.Write)]
    public override async Task<RecordOfficerTrainingResponse> RecordOfficerTraining(RecordOfficerTrainingRequest request, ServerCallContext context)
    {
        Qualifications.Validate(request, CountyTime.Today(time)).ThrowIfAny();
        var caller = Caller.From(context);
        return await writes.RunAsync(context, request, RecordOfficerTrainingResponse.Parser, async session =>
        {
            var officer = await OwnOfficerAsync(session, request.CertificateNumber, caller);
            var now = time.GetUtcNow();
            var record = Qualifications.ToRecord(request, Guid.NewGuid());
            await records.AddTrainingAsync(session, officer, record, now, caller.Subject);
            var summary = await SummaryAsync(session, officer);
            return new WriteResult<RecordOfficerTrainingResponse>(new RecordOfficerTrainingResponse { Qualifications = summary },
                officer.CertificateNumber, Qualifications.ToEvent(summary, record, Guid.NewGuid(), now));
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<RecordOfficerQualificationResponse> RecordOfficerQualification(RecordOfficerQualificationRequest request, ServerCallContext context)
    {
        Qualifications.Validate(request, CountyTime.Today(time)).ThrowIfAny();
        var caller = Caller.From(context);
        return await writes.RunAsync(context, request, RecordOfficerQualificationResponse.Parser, async session =>
        {
            var officer = await OwnOfficerAsync(session, request.CertificateNumber, caller);
            if (request.Kind == QualificationKind.LegalProfessional &&
                (await records.ForOfficerAsync(session, officer.OfficerId)).Qualifications.Any(q => q.Kind == QualificationKind.LegalProfessional))
                throw RpcErrors.AlreadyExists("该执法人员的法律职业资格已登记 / the officer's legal professional qualification is already recorded");
            var now = time.GetUtcNow();
            var record = Qualifications.ToRecord(request, Guid.NewGuid());
            await records.AddQualificationAsync(session, officer, record, now, caller.Subject);
            var summary = await SummaryAsync(session, officer);
            return new WriteResult<RecordOfficerQualificationResponse>(new RecordOfficerQualificationResponse { Qualifications = summary },
                officer.CertificateNumber, Qualifications.ToEvent(summary, record, Guid.NewGuid(), now));
        });
    }

    /// <summary>Any authenticated caller (agencies, the county, the big-data center), like <c>ListOfficers</c>.</summary>
    [Authorize(Policy = Policies.Read)]
    public override async Task<GetOfficerQualificationsResponse> GetOfficerQualifications(GetOfficerQualificationsRequest request, ServerCallContext context)
    {
        var number = CertificateNumberFormat.Normalize(request.CertificateNumber);
        new FieldViolations().Required("certificate_number", number).MaxLength("certificate_number", number, 64).ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var officer = await officers.FindAsync(session, number) ?? throw RpcErrors.NotFound($"执法证号 {number} 不存在 / no such certificate");
        return new GetOfficerQualificationsResponse { Qualifications = await SummaryAsync(session, officer) };
    }

    async Task<OfficerRecord> OwnOfficerAsync(DbSession session, string certificateNumber, Caller caller)
    {
        var number = CertificateNumberFormat.Normalize(certificateNumber);
        var officer = await officers.FindAsync(session, number) ?? throw RpcErrors.NotFound($"执法证号 {number} 不存在 / no such certificate");
        caller.EnsureMayWriteFor(officer.AgencyCode);
        return officer;
    }

    async Task<OfficerQualifications> SummaryAsync(DbSession session, OfficerRecord officer)
    {
        var (trainings, qualifications) = await records.ForOfficerAsync(session, officer.OfficerId);
        return Qualifications.Summary(officer, trainings, qualifications);
    }
}
