using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;

namespace Longshan.Publicity.Tests.Support;

/// <summary>
/// The Publicity service in-process with its own SQLite file, a real RabbitMQ node (one per test run) and a
/// fake clock tests can move. One instance per test class (<c>IClassFixture&lt;PublicityApp&gt;</c>).
/// </summary>
public class PublicityApp() : ServiceApp<Program>("publicity")
{
    /// <summary>Registers a new county department through the gRPC API (as the county administrator); returns its credit code.</summary>
    public async Task<string> RegisterAgencyAsync(string name = "龙山县市场监督管理局")
    {
        var code = CreditCodes.New();
        await new AgencyService.AgencyServiceClient(Channel).RegisterAgencyAsync(new RegisterAgencyRequest
        {
            RequestId = Guid.NewGuid().ToString(), CreditCode = code, Name = name, Kind = AgencyKind.CountyDepartment,
            RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府" } },
            Duties = { "依法查处本行政区域内的违法行为" },
            StatusBases = { new LegalBasis { Law = "《龙山县人民政府机构改革方案》", Article = "龙发〔2019〕5号" } },
        }, TestTokens.Bearer(code, Roles.CountyAdmin));
        return code;
    }
}
