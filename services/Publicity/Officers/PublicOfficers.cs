using Longshan.Contracts.Publicity.V1;

namespace Longshan.Publicity.Officers;

/// <summary>执法人员公示 (国办发〔2018〕118号, T2(3)): an officer as the public list shows them — never an ID number.</summary>
public static class PublicOfficers
{
    public static PublicOfficer Of(OfficerRecord officer, DateOnly today) => new()
    {
        Name = officer.Name,
        CertificateNumber = officer.CertificateNumber,
        Areas = { officer.Areas },
        Status = officer.StatusOn(today),
    };
}
