using Grpc.Core;
using Longshan.Contracts.LegalReview.V1;
using Longshan.Contracts.Rules;
using Longshan.LegalReview.Agencies;
using Longshan.LegalReview.Staffing;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.LegalReview.Roster;

/// <summary>
/// gRPC <c>longshan.legalreview.v1.ReviewerRosterService</c> (T11): an agency lists its own legal-review staff; legal
/// advisers and public-sector lawyers come from a county pool that only the county administrator assigns to agencies.
/// </summary>
public sealed class RosterEndpoint(
    ReadSession reads, ReviewerStore reviewers, KnownAgencyStore agencies, StaffingStore staffing, StaffingCheck staffingCheck, StaffingOptions staffingOptions,
    WriteTransaction writes, TimeProvider time)
    : ReviewerRosterService.ReviewerRosterServiceBase
{
    [Authorize(Policy = Policies.Write)]
    public override async Task<AddReviewerResponse> AddReviewer(AddReviewerRequest request, ServerCallContext context)
    {
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var v = new FieldViolations().RequestId(request.RequestId)
            .Required("person_id", request.PersonId).MaxLength("person_id", request.PersonId, 100)
            .Required("name", request.Name).MaxLength("name", request.Name, 100)
            .MaxLength("qualification_number", request.QualificationNumber, 64);
        if (UnifiedSocialCreditCode.Validate(agencyCode) is { } error) v.Add("agency_code", error);
        if (KindName(request.Kind) is null) v.Add("kind", "必填 / required");
        Guid? officerId = null;
        if (request.OfficerId.Length > 0)
        {
            if (Guid.TryParse(request.OfficerId, out var parsed)) officerId = parsed;
            else v.Add("officer_id", "须为执法人员编号 / must be an officer id");
        }
        v.ThrowIfAny();

        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agencyCode);
        // T11: the county pool (法律顾问、公职律师) is assigned across agencies by the county administrator.
        if (request.Kind != ReviewerKind.AgencyStaff && !caller.IsCountyAdmin)
            throw RpcErrors.PermissionDenied("法律顾问、公职律师由县司法局统筹调配 / only the county administrator assigns pool reviewers");

        var reviewer = new ReviewerRow
        {
            AgencyCode = agencyCode, PersonId = request.PersonId.Trim(), Name = request.Name.Trim(), Kind = KindName(request.Kind)!,
            FirstTime = request.FirstTime,
            QualificationNumber = string.IsNullOrWhiteSpace(request.QualificationNumber) ? null : request.QualificationNumber.Trim(),
            OfficerId = officerId,
        };
        return await writes.RunAsync(context, request, AddReviewerResponse.Parser, async session =>
        {
            if (await agencies.FindAsync(session, agencyCode) is null)
                throw RpcErrors.FailedPrecondition(RuleCatalog.AgencyNotRegistered, agencyCode);
            var now = time.GetUtcNow();
            await reviewers.UpsertAsync(session, reviewer, now, caller.Subject);
            await staffingCheck.CheckAsync(session, agencyCode, now);
            // Read back: the qualification learned from Publicity joins by officer id.
            var stored = await reviewers.FindAsync(session, agencyCode, reviewer.PersonId) ?? reviewer;
            return new WriteResult<AddReviewerResponse>(new AddReviewerResponse { Reviewer = ToProto(stored) }, $"{agencyCode}/{reviewer.PersonId}");
        });
    }

    [Authorize(Policy = Policies.Read)]
    public override async Task<ListReviewersResponse> ListReviewers(ListReviewersRequest request, ServerCallContext context)
    {
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        var v = new FieldViolations();
        if (UnifiedSocialCreditCode.Validate(agencyCode) is { } error) v.Add("agency_code", error);
        var paging = Paging.Read(v, "reviewers", request.PageSize, request.PageToken);
        v.ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var page = paging.Cut(await reviewers.PageAsync(session, agencyCode, paging.AfterKey ?? "", paging.Fetch), r => r.PersonId);
        return new ListReviewersResponse { Reviewers = { page.Items.Select(ToProto) }, NextPageToken = page.NextToken };
    }

    [Authorize(Policy = Policies.Read)]
    public override async Task<GetStaffingRatioResponse> GetStaffingRatio(GetStaffingRatioRequest request, ServerCallContext context)
    {
        var agencyCode = UnifiedSocialCreditCode.Normalize(request.AgencyCode);
        if (UnifiedSocialCreditCode.Validate(agencyCode) is { } error) new FieldViolations().Add("agency_code", error).ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var (reviewerCount, officers) = await staffing.CountAsync(session, agencyCode, CountyTime.Today(time));
        return new GetStaffingRatioResponse
        {
            Reviewers = reviewerCount, Officers = officers, RatioBasisPoints = StaffingRatio.BasisPoints(reviewerCount, officers),
            MinimumPercent = staffingOptions.MinimumPercent, BelowMinimum = StaffingRatio.Below(reviewerCount, officers, staffingOptions.MinimumPercent),
        };
    }

    static string? KindName(ReviewerKind kind) => kind switch
    {
        ReviewerKind.AgencyStaff => "agency-staff",
        ReviewerKind.LegalAdviser => "legal-adviser",
        ReviewerKind.PublicSectorLawyer => "public-sector-lawyer",
        _ => null,
    };

    static ReviewerKind Kind(string name) => name switch
    {
        "agency-staff" => ReviewerKind.AgencyStaff,
        "legal-adviser" => ReviewerKind.LegalAdviser,
        "public-sector-lawyer" => ReviewerKind.PublicSectorLawyer,
        _ => ReviewerKind.Unspecified,
    };

    public static Reviewer ToProto(ReviewerRow r) => new()
    {
        AgencyCode = r.AgencyCode, PersonId = r.PersonId, Name = r.Name, Kind = Kind(r.Kind), FirstTime = r.FirstTime,
        QualificationNumber = r.QualificationNumber ?? "", Qualified = r.Qualified,
        OfficerId = r.OfficerId?.ToString("D") ?? "", QualificationSource = r.QualificationSource,
        LearnedQualificationNumber = r.LearnedQualificationNumber ?? "",
    };
}
