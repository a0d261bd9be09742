using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Calendar;
using Longshan.Publicity.Tests.Support;

namespace Longshan.Publicity.Tests.Officers;

/// <summary>Registered agencies and issued certificates for officer and inspection tests.</summary>
public static class OfficerTestData
{
    static long counter = Random.Shared.NextInt64(10_000_000_000, 90_000_000_000);

    /// <summary>A new number in the default format: province prefix and digits.</summary>
    public static string NewCertificateNumber() => $"HN{Interlocked.Increment(ref counter)}";

    public static DateOnly Today(PublicityApp app) => CountyTime.Today(app.Clock);

    public static string Date(DateOnly date) => CountyTime.Format(date);

    /// <summary>Registers a new agency through the gRPC API (as the county administrator) and returns its credit code.</summary>
    public static Task<string> RegisterAgencyAsync(PublicityApp app, string name = "龙山县市场监督管理局") => app.RegisterAgencyAsync(name);

    public static IssueCertificateRequest IssueRequest(PublicityApp app, string agencyCode, string? number = null, string name = "张三") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AgencyCode = agencyCode,
        Name = name,
        CertificateNumber = number ?? NewCertificateNumber(),
        Kind = CertificateKind.Enforcement,
        IssuingBody = "湖南省人民政府",
        ValidFrom = Date(Today(app).AddYears(-1)),
        ValidTo = Date(Today(app).AddYears(2)),
        Areas = { "龙山县", "食品安全" },
    };

    public static async Task<Officer> IssueAsync(PublicityApp app, string agencyCode, string name = "张三", DateOnly? validTo = null)
    {
        var request = IssueRequest(app, agencyCode, name: name);
        if (validTo is { } to) request.ValidTo = Date(to);
        var response = await new OfficerService.OfficerServiceClient(app.Channel).IssueCertificateAsync(request, TestTokens.Bearer(agencyCode));
        return response.Officer;
    }

    public static Metadata Anonymous => new();
}
