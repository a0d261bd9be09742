using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Inspections;
using Longshan.Publicity.Tests.Support;

namespace Longshan.Publicity.Tests.Inspections;

/// <summary>The steps of a fair draw through the gRPC API: item with an enforcement area, target register, frozen round, draw.</summary>
public sealed class InspectionDrawing(PublicityApp app)
{
    public const string Area = "食品安全";

    public InspectionService.InspectionServiceClient Client { get; } = new(app.Channel);

    public static PublishInspectionItemRequest ItemRequest(string agency) => new()
    {
        RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, Name = "食品生产企业监督检查",
        LegalBases = { new LegalBasis { Law = "《中华人民共和国食品安全法》", Article = "第一百一十条" } },
        ObjectTypes = { "食品生产企业" }, Method = "现场检查", RatioBasisPoints = 500, Frequency = "每年一次", EnforcementArea = Area,
    };

    public static List<DrawTarget> Pool(int size) =>
        [.. Enumerable.Range(1, size).Select(i => new DrawTarget { Id = $"91433130MA4L{i:D6}", Name = $"龙山县第{i}食品厂" })];

    public async Task<string> PublishItemAsync(string agency) =>
        (await Client.PublishInspectionItemAsync(ItemRequest(agency), TestTokens.Bearer(agency))).Item.ItemId;

    public async Task<int> RegisterAsync(string agency, string itemId, IEnumerable<DrawTarget> add, params string[] remove) =>
        (await Client.UpdateTargetRegisterAsync(new UpdateTargetRegisterRequest
        {
            RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, ItemId = itemId, Add = { add }, Remove = { remove },
        }, TestTokens.Bearer(agency))).ActiveCount;

    public static FreezeDrawPoolRequest FreezeRequest(string agency, string itemId, int count) => new()
    {
        RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, ItemId = itemId, RoundName = "2026年第4批", Count = count,
    };

    public async Task<DrawRound> FreezeAsync(FreezeDrawPoolRequest request) =>
        (await Client.FreezeDrawPoolAsync(request, TestTokens.Bearer(request.AgencyCode))).Round;

    public static RunDrawRequest RunRequest(string agency, string roundId, string redrawReason = "") => new()
    {
        RequestId = Guid.NewGuid().ToString(), AgencyCode = agency, RoundId = roundId, RedrawReason = redrawReason,
    };

    public async Task<InspectionDraw> RunAsync(string agency, string roundId, string redrawReason = "") =>
        (await Client.RunDrawAsync(RunRequest(agency, roundId, redrawReason), TestTokens.Bearer(agency))).Draw;

    /// <summary>Item, register of <paramref name="pool"/>, a round of <paramref name="count"/> (changed by <paramref name="round"/>), frozen; not drawn.</summary>
    public async Task<DrawRound> RoundAsync(string agency, IReadOnlyList<DrawTarget> pool, int count, Action<FreezeDrawPoolRequest>? round = null)
    {
        var itemId = await PublishItemAsync(agency);
        await RegisterAsync(agency, itemId, pool);
        var request = FreezeRequest(agency, itemId, count);
        round?.Invoke(request);
        return await FreezeAsync(request);
    }

    /// <summary>The whole way to a first draw.</summary>
    public async Task<InspectionDraw> DrawAsync(string agency, IReadOnlyList<DrawTarget> pool, int count, Action<FreezeDrawPoolRequest>? round = null) =>
        await RunAsync(agency, (await RoundAsync(agency, pool, count, round)).RoundId);

    public static Task<InspectionDraw> DrawAsync(PublicityApp app, string agency, int poolSize, int count) =>
        new InspectionDrawing(app).DrawAsync(agency, Pool(poolSize), count);

    /// <summary>Re-runs a published draw from GetDraw's fields alone, as an outside checker would.</summary>
    public static string Rerun(InspectionDraw published)
    {
        var conflicts = published.Conflicts.ToLookup(c => c.OfficerId, c => c.TargetIds);
        var result = RandomDraw.Draw(new DrawRequest
        {
            Seed = published.Seed,
            TargetPool = [.. published.Targets.Select(t => t.Id)],
            Size = published.SizeCase == InspectionDraw.SizeOneofCase.Count ? DrawSize.OfCount(published.Count) : DrawSize.OfRatio(published.RatioBasisPoints / 10_000m),
            Officers = [.. published.Officers.Select(o => new DrawOfficer(o.OfficerId, published.AgencyCode, DateOnly.Parse(o.CertificateValidTo),
                [.. conflicts[o.OfficerId].SelectMany(t => t)]))],
            DrawDate = DateOnly.Parse(published.DrawDate),
            OfficersPerTarget = published.OfficersPerTarget,
        });
        Assert.Equal(published.Algorithm, result.Algorithm);
        return string.Join(" | ", result.Assignments.Select(a => $"{a.TargetId}:{string.Join(',', a.OfficerIds)}"));
    }

    public static string Flatten(InspectionDraw draw) => string.Join(" | ", draw.Assignments.Select(a => $"{a.TargetId}:{string.Join(',', a.OfficerIds)}"));

    public static async Task<RpcException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);
}
