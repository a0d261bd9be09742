using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Publicity.Agencies;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.Officers;

/// <summary>gRPC <c>longshan.publicity.v1.OfficerService</c>: officers, their certificates, and public verification.</summary>
public sealed class OfficerEndpoint(
    ReadSession reads, OfficerStore officers, AgencyStore agencies, CertificateChanges changes, CertificateVerification verification,
    CertificateNumberFormat format, WriteTransaction writes, TimeProvider time)
    : OfficerService.OfficerServiceBase
{
    const string IssueRpc = "IssueCertificate";

    [Authorize(Policy = Policies.Write)]
    public override async Task<IssueCertificateResponse> IssueCertificate(IssueCertificateRequest request, ServerCallContext context)
    {
        var today = CountyTime.Today(time);
        CertificateRequests.Validate(request, format, today).ThrowIfAny();
        var officer = OfficerMapping.ToRecord(request, Guid.NewGuid());
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(officer.AgencyCode);

        return await writes.RunAsync(context, request, IssueCertificateResponse.Parser, async session =>
        {
            // 118号: the enforcement body is disclosed before its officers; the public check names the agency.
            await agencies.RegisteredAsync(session, officer.AgencyCode);
            if (await officers.FindAsync(session, officer.CertificateNumber) is not null)
                throw RpcErrors.AlreadyExists($"执法证号 {officer.CertificateNumber} 已登记 / certificate number already registered");

            var now = time.GetUtcNow();
            await officers.InsertAsync(session, officer, now);
            return new WriteResult<IssueCertificateResponse>(new IssueCertificateResponse { Officer = OfficerMapping.ToOfficer(officer, today) },
                officer.CertificateNumber, OfficerMapping.ToCertifiedEvent(officer, today, Guid.NewGuid(), now));
        });
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<RenewCertificateResponse> RenewCertificate(RenewCertificateRequest request, ServerCallContext context)
    {
        CertificateRequests.Validate(request, CountyTime.Today(time)).ThrowIfAny();
        var change = new CertificateChanges.Change(CertificateChange.Renewed, request.RequestId, request.CertificateNumber, "",
            CountyTime.Date(request.ValidFrom), CountyTime.Date(request.ValidTo));
        return new RenewCertificateResponse { Officer = await changes.ApplyAsync(change, request, context) };
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<SuspendCertificateResponse> SuspendCertificate(SuspendCertificateRequest request, ServerCallContext context)
    {
        CertificateRequests.ValidateChange(request.RequestId, request.CertificateNumber, request.Reason, reasonRequired: true).ThrowIfAny();
        var change = new CertificateChanges.Change(CertificateChange.Suspended, request.RequestId, request.CertificateNumber, request.Reason);
        return new SuspendCertificateResponse { Officer = await changes.ApplyAsync(change, request, context) };
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<ReinstateCertificateResponse> ReinstateCertificate(ReinstateCertificateRequest request, ServerCallContext context)
    {
        CertificateRequests.ValidateChange(request.RequestId, request.CertificateNumber, request.Reason, reasonRequired: false).ThrowIfAny();
        var change = new CertificateChanges.Change(CertificateChange.Reinstated, request.RequestId, request.CertificateNumber, request.Reason);
        return new ReinstateCertificateResponse { Officer = await changes.ApplyAsync(change, request, context) };
    }

    [Authorize(Policy = Policies.Write)]
    public override async Task<RevokeCertificateResponse> RevokeCertificate(RevokeCertificateRequest request, ServerCallContext context)
    {
        CertificateRequests.ValidateChange(request.RequestId, request.CertificateNumber, request.Reason, reasonRequired: true).ThrowIfAny();
        var change = new CertificateChanges.Change(CertificateChange.Revoked, request.RequestId, request.CertificateNumber, request.Reason);
        return new RevokeCertificateResponse { Officer = await changes.ApplyAsync(change, request, context) };
    }

    /// <summary>Any authenticated caller (agencies, the big-data center) may list an agency's officers.</summary>
    [Authorize(Policy = Policies.Read)]
    public override async Task<ListOfficersResponse> ListOfficers(ListOfficersRequest request, ServerCallContext context)
    {
        var violations = CertificateRequests.Validate(request);
        var paging = Paging.Read(violations, "officers", request.PageSize, request.PageToken);
        violations.ThrowIfAny();
        var today = CountyTime.Today(time);
        var session = await reads.GetAsync(context.CancellationToken);
        var rows = await officers.PageAsync(session, UnifiedSocialCreditCode.Normalize(request.AgencyCode), paging.AfterKey ?? "", paging.Fetch);
        var page = paging.Cut(rows, o => o.CertificateNumber);
        return new ListOfficersResponse { Officers = { page.Items.Select(o => OfficerMapping.ToOfficer(o, today)) }, NextPageToken = page.NextToken };
    }

    /// <summary>执法人员公示 (国办发〔2018〕118号): public, no login; name, certificate number, areas and today's status only.</summary>
    [AllowAnonymous]
    public override async Task<ListPublicOfficersResponse> ListPublicOfficers(ListPublicOfficersRequest request, ServerCallContext context)
    {
        var violations = CertificateRequests.Validate(new ListOfficersRequest { AgencyCode = request.AgencyCode });
        var paging = Paging.Read(violations, "public-officers", request.PageSize, request.PageToken);
        violations.ThrowIfAny();
        var today = CountyTime.Today(time);
        var session = await reads.GetAsync(context.CancellationToken);
        var rows = await officers.PageAsync(session, UnifiedSocialCreditCode.Normalize(request.AgencyCode), paging.AfterKey ?? "", paging.Fetch);
        var page = paging.Cut(rows, o => o.CertificateNumber);
        return new ListPublicOfficersResponse
        {
            Officers = { page.Items.Select(o => PublicOfficers.Of(o, today)) }, NextPageToken = page.NextToken, CheckedOn = CountyTime.Format(today),
        };
    }

    /// <summary>Public, no login: a citizen checks the certificate an officer shows (《行政处罚法》第五十五条).</summary>
    [AllowAnonymous]
    public override async Task<VerifyCertificateResponse> VerifyCertificate(VerifyCertificateRequest request, ServerCallContext context)
    {
        var number = CertificateNumberFormat.Normalize(request.CertificateNumber);
        new FieldViolations().Required("certificate_number", number).MaxLength("certificate_number", number, 64).ThrowIfAny();
        return await verification.VerifyAsync(number, CountyTime.Today(time), context.CancellationToken)
            ?? throw RpcErrors.NotFound($"执法证号 {number} 不存在 / no such certificate");
    }
}
