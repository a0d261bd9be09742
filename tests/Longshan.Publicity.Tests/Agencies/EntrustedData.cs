using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;

namespace Longshan.Publicity.Tests.Agencies;

/// <summary>Entrusted organisations (受委托组织) for the tests: an entrusting agency and an organisation it entrusts.</summary>
static class EntrustedData
{
    public const string OrganisationName = "龙山县华塘街道综合行政执法队";

    public static RegisterEntrustedOrganisationRequest Request(
        string entrusting, string organisation, string from = "2026-01-01", string to = "2027-12-31", string document = "龙城管委〔2026〕3号") => new()
    {
        RequestId = Guid.NewGuid().ToString(), EntrustingAgencyCode = entrusting, CreditCode = organisation, Name = OrganisationName,
        Scope = "华塘街道辖区内市容环境卫生方面的行政处罚", DocumentNumber = document, ValidFrom = from, ValidTo = to,
    };

    /// <summary>Registers a new agency and an organisation it entrusts (by the agency's own token); returns both codes.</summary>
    public static async Task<(string Agency, string Organisation)> EntrustAsync(PublicityApp app, string from = "2026-01-01", string to = "2027-12-31")
    {
        var agency = await app.RegisterAgencyAsync("龙山县城市管理和综合执法局");
        var organisation = CreditCodes.New();
        await new AgencyService.AgencyServiceClient(app.Channel).RegisterEntrustedOrganisationAsync(Request(agency, organisation, from, to), TestTokens.Bearer(agency));
        return (agency, organisation);
    }
}
