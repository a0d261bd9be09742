using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Publicity.PowerList;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.Agencies;

/// <summary>
/// gRPC <c>longshan.publicity.v1.AgencyService</c>: register and look up enforcement bodies, keep their disclosure up to
/// date. Entrusted organisations: AgencyEndpoint.Entrusted.cs.
/// </summary>
public sealed partial class AgencyEndpoint(
    ReadSession reads, AgencyStore agencies, EntrustmentStore entrustments, PowerItemStore powerItems, WriteTransaction writes, TimeProvider time)
    : AgencyService.AgencyServiceBase
{
    [Authorize(Policy = Policies.Write)]
    public override async Task<RegisterAgencyResponse> RegisterAgency(RegisterAgencyRequest request, ServerCallContext context)
    {
        AgencyRegistration.Validate(request).ThrowIfAny();
        var agency = AgencyRegistration.ToAgency(request);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(agency.CreditCode);

        return await writes.RunAsync(context, request, RegisterAgencyResponse.Parser, async session =>
        {
            if (await agencies.FindAsync(session, agency.CreditCode) is not null)
                throw RpcErrors.AlreadyExists($"执法主体 {agency.CreditCode} 已登记 / agency already registered");
            var now = time.GetUtcNow();
            await agencies.InsertAsync(session, agency, now, caller.Subject);
            agency.DisclosureUpdatedOn = CountyTime.Format(CountyTime.DateOf(now));
            return new WriteResult<RegisterAgencyResponse>(
                new RegisterAgencyResponse { Agency = agency }, agency.CreditCode, AgencyRegistration.ToEvent(agency, Guid.NewGuid(), now));
        });
    }

    /// <summary>
    /// 国办发〔2018〕118号 (update when laws or mandates change); seed task T2(3): replaces the agency's duties, status
    /// bases and remedy channels; the disclosure version goes up by one. Raises no event (no subscriber keeps them).
    /// </summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<UpdateAgencyDisclosureResponse> UpdateAgencyDisclosure(UpdateAgencyDisclosureRequest request, ServerCallContext context)
    {
        AgencyRegistration.Validate(request, isEntrusted: true).ThrowIfAny();
        var code = UnifiedSocialCreditCode.Normalize(request.CreditCode);
        Caller.From(context).EnsureMayWriteFor(code);

        return await writes.RunAsync(context, request, UpdateAgencyDisclosureResponse.Parser, async session =>
        {
            var current = await agencies.FindAsync(session, code) ?? throw NotRegistered(code);
            var entrusted = current.Kind == AgencyKind.EntrustedOrganisation;
            if (!entrusted) AgencyRegistration.Validate(request, isEntrusted: false).ThrowIfAny();
            var agency = AgencyRegistration.WithDisclosure(current, request);
            var now = time.GetUtcNow();
            if (!await agencies.UpdateDisclosureAsync(session, agency, now)) throw RpcErrors.Aborted(code);
            agency.DisclosureUpdatedOn = CountyTime.Format(CountyTime.DateOf(now));
            if (entrusted) agency.Entrustment = Entrustments.Shown(await entrustments.VersionsAsync(session, code), CountyTime.DateOf(now));
            return new WriteResult<UpdateAgencyDisclosureResponse>(new UpdateAgencyDisclosureResponse { Agency = agency }, code);
        });
    }

    /// <summary>Public: what the platform discloses about an agency (an entrusted organisation with its entrustment).</summary>
    [AllowAnonymous]
    public override async Task<GetAgencyResponse> GetAgency(GetAgencyRequest request, ServerCallContext context)
    {
        var code = UnifiedSocialCreditCode.Normalize(request.CreditCode);
        if (UnifiedSocialCreditCode.Validate(code) is { } error) new FieldViolations().Add("credit_code", error).ThrowIfAny();
        var session = await reads.GetAsync(context.CancellationToken);
        var agency = await agencies.FindAsync(session, code) ?? throw NotRegistered(code);
        if (agency.Kind == AgencyKind.EntrustedOrganisation)
            agency.Entrustment = Entrustments.Shown(await entrustments.VersionsAsync(session, code), CountyTime.Today(time));
        return new GetAgencyResponse { Agency = agency };
    }

    static RpcException NotRegistered(string code) => RpcErrors.NotFound($"执法主体 {code} 未登记 / agency not registered");
}
