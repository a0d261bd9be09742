using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Officers.OfficerTestData;

namespace Longshan.Publicity.Tests.Officers;

/// <summary>执法人员公示 (国办发〔2018〕118号, T2(3)): an agency's officers, public, with name, certificate, areas, status.</summary>
public sealed class PublicOfficerListTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly OfficerService.OfficerServiceClient client = new(app.Channel);

    [Fact]
    public async Task Anyone_lists_an_agencys_officers_with_certificate_areas_and_todays_status_and_nothing_else()
    {
        var agency = await RegisterAgencyAsync(app);
        var valid = await IssueAsync(app, agency, "张三");
        var suspended = await IssueAsync(app, agency, "李四");
        await IssueAsync(app, await RegisterAgencyAsync(app), "外单位");
        await client.SuspendCertificateAsync(new SuspendCertificateRequest
        {
            RequestId = Guid.NewGuid().ToString(), CertificateNumber = suspended.Certificate.Number, Reason = "暂扣",
        }, TestTokens.Bearer(agency));

        var first = await client.ListPublicOfficersAsync(new ListPublicOfficersRequest { AgencyCode = agency, PageSize = 1 }, Anonymous);
        var second = await client.ListPublicOfficersAsync(new ListPublicOfficersRequest { AgencyCode = agency, PageSize = 1, PageToken = first.NextPageToken }, Anonymous);
        var all = first.Officers.Concat(second.Officers).ToDictionary(o => o.Name);

        Assert.Equal(["张三", "李四"], all.Keys.Order());
        Assert.Equal((valid.Certificate.Number, CertificateStatus.Valid), (all["张三"].CertificateNumber, all["张三"].Status));
        Assert.Equal(CertificateStatus.Suspended, all["李四"].Status);
        Assert.Equal(["龙山县", "食品安全"], all["张三"].Areas);
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(Date(Today(app)), first.CheckedOn);
        // The public message has no field for an ID number, an officer id or a status reason.
        Assert.Equal(["name", "certificate_number", "areas", "status"], PublicOfficer.Descriptor.Fields.InDeclarationOrder().Select(f => f.Name));
    }

    [Fact]
    public async Task An_invalid_agency_code_is_refused()
    {
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            client.ListPublicOfficersAsync(new ListPublicOfficersRequest { AgencyCode = "123" }, Anonymous).ResponseAsync);

        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, error.StatusCode);
    }
}
