using Longshan.Contracts.Rules;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Publicity.Agencies;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// 受委托组织 (《行政处罚法》第二十条): an entrusted organisation decides in the name of its entrusting agency, which is
/// responsible. Its token writes "its own" agency code (the owner check stays the platform's one rule); Publicity registers
/// the decision under the entrusting agency and records the organisation as the acting one. Every later step (publish,
/// correct, withdraw) is the entrusting agency's, whose decision it is.
/// </summary>
public sealed partial class DecisionEndpoint
{
    /// <summary>
    /// The agency a decision named by <paramref name="agencyCode"/> is registered under, and the acting entrusted
    /// organisation (null when the agency decides itself). An entrusted organisation needs an entrustment in force on the
    /// decision date (<c>entrustment-not-in-force</c>). The named agency is registered (118号: the body is disclosed first);
    /// an entrusting agency is, since its entrustment was registered.
    /// </summary>
    async Task<(string Agency, string? ActingOrganisation)> DecidingAgencyAsync(DbSession session, string agencyCode, DateOnly decisionDate)
    {
        if ((await agencies.RegisteredAsync(session, agencyCode)).Kind != V1.AgencyKind.EntrustedOrganisation) return (agencyCode, null);
        var entrustment = Entrustments.InForce(await entrustments.VersionsAsync(session, agencyCode), decisionDate)
            ?? throw RpcErrors.FailedPrecondition(RuleCatalog.EntrustmentNotInForce, agencyCode,
                $"决定日期 {CountyTime.Format(decisionDate)} 不在 {agencyCode} 的委托期限内 / no entrustment of {agencyCode} is in force on {CountyTime.Format(decisionDate)}");
        return (entrustment.EntrustingAgencyCode, agencyCode);
    }

    /// <summary>The public version with the acting organisation's name (受委托组织：…，以…名义), when there is one.</summary>
    async Task<V1.PublicDecision> NameActingOrganisationAsync(DbSession session, V1.PublicDecision decision)
    {
        if (decision.ActingOrganisationCode.Length > 0)
            decision.ActingOrganisationName = await AgencyNameAsync(session, decision.ActingOrganisationCode, decision.ActingOrganisationCode);
        return decision;
    }
}
