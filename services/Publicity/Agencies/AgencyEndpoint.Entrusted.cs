using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Contracts.Rules;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Platform.Identity;
using Longshan.Publicity.PowerList;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Publicity.Agencies;

/// <summary>受委托组织 (《行政处罚法》第二十条): the entrusting agency registers the organisation it entrusts.</summary>
public sealed partial class AgencyEndpoint
{
    /// <summary>
    /// 《行政处罚法》第二十条: the entrusting agency (responsible for what the organisation does in its name) registers the
    /// organisation with its first entrustment, or records a new one of an organisation it entrusted before (the
    /// organisation's name, duties and remedy channels then stay: UpdateAgencyDisclosure changes those).
    /// </summary>
    [Authorize(Policy = Policies.Write)]
    public override async Task<RegisterEntrustedOrganisationResponse> RegisterEntrustedOrganisation(
        RegisterEntrustedOrganisationRequest request, ServerCallContext context)
    {
        Entrustments.Validate(request).ThrowIfAny();
        var entrustingCode = UnifiedSocialCreditCode.Normalize(request.EntrustingAgencyCode);
        var code = UnifiedSocialCreditCode.Normalize(request.CreditCode);
        var caller = Caller.From(context);
        caller.EnsureMayWriteFor(entrustingCode);

        return await writes.RunAsync(context, request, RegisterEntrustedOrganisationResponse.Parser, async session =>
        {
            var entrusting = await EntrustingAgencyAsync(session, entrustingCode, request.PowerItemCodes);
            var existing = await agencies.FindAsync(session, code);
            IReadOnlyList<Entrustment> versions = existing is null ? [] : await entrustments.VersionsAsync(session, code);
            if (existing is not null && existing.Kind != AgencyKind.EntrustedOrganisation)
                throw RpcErrors.AlreadyExists($"{code} 已作为执法主体登记 / {code} is registered as an enforcement body itself");
            if (versions.Count > 0 && versions[^1].EntrustingAgencyCode != entrustingCode)
                throw RpcErrors.FailedPrecondition(RuleCatalog.EntrustedByAnotherAgency, code);

            var now = time.GetUtcNow();
            var entrustment = Entrustments.ToEntrustment(request, entrusting.Name, versions.Count + 1);
            await entrustments.InsertAsync(session, code, entrustment, now, caller.Subject);
            if (existing is not null)
            {
                existing.Entrustment = Entrustments.Shown([.. versions, entrustment], CountyTime.DateOf(now));
                return new WriteResult<RegisterEntrustedOrganisationResponse>(new RegisterEntrustedOrganisationResponse { Agency = existing }, code);
            }
            var agency = Entrustments.ToAgency(request, entrusting, entrustment);
            await agencies.InsertAsync(session, agency, now, caller.Subject);
            agency.DisclosureUpdatedOn = CountyTime.Format(CountyTime.DateOf(now));
            return new WriteResult<RegisterEntrustedOrganisationResponse>(
                new RegisterEntrustedOrganisationResponse { Agency = agency }, code, AgencyRegistration.ToEvent(agency, Guid.NewGuid(), now));
        });
    }

    /// <summary>
    /// The entrusting agency: registered, not itself entrusted (受委托组织不得再委托, 《行政处罚法》第二十条第三款), and the power
    /// items it entrusts are in force on its power list.
    /// </summary>
    async Task<Agency> EntrustingAgencyAsync(DbSession session, string entrustingCode, IEnumerable<string> powerItemCodes)
    {
        var entrusting = await agencies.FindAsync(session, entrustingCode)
            ?? throw RpcErrors.FailedPrecondition(RuleCatalog.EntrustingAgencyUnknown, entrustingCode);
        if (entrusting.Kind == AgencyKind.EntrustedOrganisation)
            throw RpcErrors.FailedPrecondition(RuleCatalog.EntrustingAgencyIsEntrusted, entrustingCode);
        foreach (var itemCode in powerItemCodes.Select(c => c.Trim()).Distinct())
        {
            if (await powerItems.FindHeadForWriteAsync(session, entrustingCode, itemCode) is not { Status: PowerItemNames.InForce })
                throw RpcErrors.FailedPrecondition(RuleCatalog.EntrustedPowerItemUnknown, itemCode);
        }
        return entrusting;
    }
}
