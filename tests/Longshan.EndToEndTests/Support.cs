using Longshan.Contracts.Publicity.V1;

namespace Longshan.EndToEndTests;

/// <summary>Requests of the end-to-end tests. Tokens, credit codes and polling: Longshan.Testing.</summary>
static class Support
{
    public static RegisterAgencyRequest Registration(string creditCode, string name = "龙山县市场监督管理局") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        CreditCode = creditCode,
        Name = name,
        Kind = AgencyKind.CountyDepartment,
        RemedyChannels =
        {
            new RemedyChannel { Kind = RemedyKind.Reconsideration, Body = "龙山县人民政府", Contact = "0743-6221234" },
            new RemedyChannel { Kind = RemedyKind.Litigation, Body = "龙山县人民法院", Contact = "湖南省龙山县华塘街道" },
        },
        Duties = { "依法查处本行政区域内的违法行为" },
        StatusBases = { new LegalBasis { Law = "《龙山县人民政府机构改革方案》", Article = "龙发〔2019〕5号" } },
    };
}
