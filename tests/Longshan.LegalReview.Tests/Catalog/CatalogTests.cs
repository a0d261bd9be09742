using Grpc.Core;
using Longshan.Contracts.LegalReview.V1;
using Longshan.LegalReview.Tests.Support;
using Longshan.Platform.Identity;
using static Longshan.LegalReview.Tests.Support.LegalReviewApp;

namespace Longshan.LegalReview.Tests.Catalog;

/// <summary>The catalog through gRPC: defaults, the county base, agency extensions, versions and the event.</summary>
public sealed class CatalogTests(LegalReviewApp app) : IClassFixture<LegalReviewApp>
{
    readonly CatalogService.CatalogServiceClient client = new(app.Channel);
    static readonly string JusticeBureau = CreditCodes.New();

    static ClassifyDecisionRequest Fine(string agency, long fen, params string[] actions) => new()
    {
        AgencyCode = agency, PartyKind = CatalogPartyKind.Organisation, Penalties = { new PenaltyAmount { Kind = "fine", AmountFen = fen } }, Actions = { actions },
    };

    [Fact]
    public async Task The_county_base_replaces_the_defaults_an_agency_extends_it_and_ClassifyDecision_names_the_source_of_each_match()
    {
        var agency = await app.NewAgencyAsync();
        var county = TestTokens.Bearer(new TestPerson("person:sfj", "县司法局"), JusticeBureau, Roles.CountyAdmin);

        var underDefaults = await client.ClassifyDecisionAsync(Fine(agency, 10_000_000), TestTokens.Bearer(agency));
        var byAgency = await FailsAsync(client.PublishCatalogAsync(new PublishCatalogRequest
        {
            RequestId = Id(), Items = { Threshold(5_000_000) }, Reason = "自定",
        }, TestTokens.Bearer(agency)));
        var v1 = (await client.PublishCatalogAsync(new PublishCatalogRequest
        {
            RequestId = Id(), Items = { Threshold(5_000_000) }, Reason = "依据省定标准：对组织处五万元以上（不含）罚款",
        }, county)).Catalog;
        var extension = (await client.PublishCatalogAsync(new PublishCatalogRequest
        {
            RequestId = Id(), AgencyCode = agency, Reason = "本局特有事项", Items =
            {
                new CatalogItem { Code = "M-01", Kind = CatalogItemKind.DecisionAction, Action = "seal-up-equipment", Description = "查封特种设备", LegalSource = "《特种设备安全法》" },
            },
        }, TestTokens.Bearer(agency))).Catalog;
        var otherAgency = await FailsAsync(client.PublishCatalogAsync(new PublishCatalogRequest
        {
            RequestId = Id(), AgencyCode = agency, Reason = "越权", Items = { Threshold(1) },
        }, TestTokens.Bearer(await app.NewAgencyAsync())));

        var atThreshold = await client.ClassifyDecisionAsync(Fine(agency, 5_000_000), TestTokens.Bearer(agency));
        var aboveThreshold = await client.ClassifyDecisionAsync(Fine(agency, 5_000_001), TestTokens.Bearer(agency));
        var agencyAction = await client.ClassifyDecisionAsync(Fine(agency, 100, "seal-up-equipment"), TestTokens.Bearer(agency));
        var v2 = (await client.PublishCatalogAsync(new PublishCatalogRequest
        {
            RequestId = Id(), Items = { Threshold(8_000_000) }, Reason = "调整数额",
        }, county)).Catalog;
        var inForce = await client.GetCatalogAsync(new GetCatalogRequest { AgencyCode = agency }, TestTokens.Bearer(agency));

        Assert.True(underDefaults.Major);
        Assert.Equal("county v0", underDefaults.Matched.Single().Source);
        Assert.Equal(StatusCode.PermissionDenied, byAgency.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherAgency.StatusCode);
        Assert.True(v1.Version >= 1);
        Assert.Equal(1, extension.Version);
        Assert.False(atThreshold.Major);
        Assert.True(aboveThreshold.Major);
        Assert.Equal($"county v{v1.Version}", aboveThreshold.Matched.Single().Source);
        Assert.Contains("50000.01 元 > 50000.00 元", aboveThreshold.Matched.Single().Reason);
        Assert.Equal(["M-01"], agencyAction.Matched.Select(m => m.Item.Code));
        Assert.Equal($"{agency} v1", agencyAction.Matched.Single().Source);
        Assert.Equal(v1.Version + 1, v2.Version);
        Assert.Equal(v2.Version, inForce.Base.Version);
        Assert.Equal("调整数额", inForce.Base.Reason);
        Assert.Equal(1, inForce.Extension.Version);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'MajorDecisionCatalogPublished' AND agency_code = @agency AND body LIKE '%\"scope\":\"agency\"%'",
            new { agency }));
        Assert.True(await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'MajorDecisionCatalogPublished' AND agency_code = @JusticeBureau AND body LIKE '%\"scope\":\"county\"%'",
            new { JusticeBureau }) >= 2);
    }

    static CatalogItem Threshold(long fen) => new()
    {
        Code = "F-02", Kind = CatalogItemKind.FineThreshold, PartyKind = CatalogPartyKind.Organisation, AmountFen = fen, Inclusive = false,
        Description = "对法人或其他组织处较大数额罚款", LegalSource = "县司法局目录清单",
    };
}
