using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Inspections;
using Longshan.Publicity.Officers;

namespace Longshan.UnitTests.Publicity;

public sealed class DrawInputsTests
{
    static readonly DateOnly DrawDate = new(2026, 11, 27);
    static readonly string Agency = "11433130000000001" + Longshan.Platform.Identifiers.UnifiedSocialCreditCode.CheckCharacter("11433130000000001");

    static OfficerRecord Officer(string name, CertificateState state = CertificateState.Active, DateOnly? validTo = null, string[]? areas = null) => new(
        Guid.NewGuid(), Agency, name, "HN" + name.GetHashCode().ToString("X8"), CertificateKind.Enforcement, "湖南省人民政府",
        new DateOnly(2025, 1, 1), validTo ?? new DateOnly(2027, 12, 31), areas ?? ["龙山县", "食品安全"], state, "", 1);

    static readonly InspectionItem Item = new() { ItemId = Guid.NewGuid().ToString("D"), AgencyCode = Agency, Name = "抽查", RatioBasisPoints = 2500, EnforcementArea = "食品安全" };

    static readonly List<DrawTarget> Pool = [.. Enumerable.Range(1, 8).Select(i => new DrawTarget { Id = $"T{i}", Name = $"对象{i}" })];

    static FreezeDrawPoolRequest Request() => new() { RequestId = "r", AgencyCode = Agency, ItemId = Item.ItemId, RoundName = "第1批" };

    static InspectionDraw Freeze(FreezeDrawPoolRequest request, IEnumerable<OfficerRecord> officers) =>
        DrawInputs.Freeze(DrawRounds.Freeze(request, Item, Pool, Guid.NewGuid(), DateTimeOffset.UnixEpoch), Item, officers, Guid.NewGuid(), DrawDate, "seed", null, "");

    [Fact]
    public void Only_officers_with_a_certificate_valid_on_the_draw_date_are_frozen_into_the_inputs()
    {
        OfficerRecord[] officers =
        [
            Officer("valid"), Officer("last-day", validTo: DrawDate), Officer("suspended", CertificateState.Suspended),
            Officer("revoked", CertificateState.Revoked), Officer("expired", validTo: DrawDate.AddDays(-1)),
            Officer("other-area", areas: ["龙山县", "安全生产"]), Officer("area-prefix", areas: ["食品安全监管"]), Officer("area-spaces", areas: [" 食品安全 "]),
        ];

        var draw = Freeze(Request(), officers);

        Assert.Equal(["valid", "last-day", "area-spaces"], draw.Officers.Select(o => o.Name));
    }

    [Fact]
    public void Without_a_size_the_items_ratio_is_used_and_rounded_up()
    {
        var officers = Enumerable.Range(0, 4).Select(i => Officer($"o{i}")).ToList();
        var draw = Freeze(Request(), officers);

        var result = RandomDraw.Draw(DrawInputs.ToDrawRequest(draw));

        Assert.Equal(2500, draw.RatioBasisPoints);
        Assert.Equal(2, result.Assignments.Count); // ⌈25 % × 8⌉
        Assert.Equal(2, draw.OfficersPerTarget);
    }

    [Fact]
    public void Officers_per_target_below_two_is_invalid()
    {
        var request = Request();
        request.OfficersPerTarget = 1;
        request.Count = 0;

        var fields = Fields(DrawRounds.Validate(request));

        Assert.Contains("officers_per_target", fields);
        Assert.Contains("count", fields);
    }

    [Fact]
    public void A_count_above_the_frozen_pool_is_invalid_and_the_pools_size_is_not()
    {
        var request = Request();
        request.Count = Pool.Count + 1;
        var officerIds = new HashSet<string>();

        Assert.Equal(["count"], Fields(DrawRounds.ValidateAgainst(request, Pool, officerIds)));
        request.Count = Pool.Count;
        DrawRounds.ValidateAgainst(request, Pool, officerIds).ThrowIfAny();
    }

    [Fact]
    public void Duplicate_targets_in_one_register_change_are_invalid()
    {
        var request = new UpdateTargetRegisterRequest { RequestId = "r", AgencyCode = Agency, ItemId = Item.ItemId, Add = { Pool } };
        request.Add.Add(new DrawTarget { Id = "T3", Name = "重复" });

        Assert.Equal(["add[8].id"], Fields(DrawRounds.Validate(request)));
    }

    [Fact]
    public void The_pool_digest_ignores_order_and_names_and_changes_with_ids_and_kinds()
    {
        var digest = DrawRounds.PoolDigest(Pool);
        var renamed = Pool.Select(t => new DrawTarget { Id = t.Id, Name = "改名", Kind = t.Kind }).Reverse().ToList();
        var person = Pool.Select(t => t.Clone()).ToList();
        person[0].Kind = TargetKind.NaturalPerson;

        Assert.Equal(digest, DrawRounds.PoolDigest(renamed));
        Assert.NotEqual(digest, DrawRounds.PoolDigest(person));
        Assert.NotEqual(digest, DrawRounds.PoolDigest(Pool.Skip(1)));
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", DrawRounds.PoolDigest([])); // SHA-256 of nothing
    }

    [Fact]
    public void Seeds_are_256_bit_hex_and_differ()
    {
        var seeds = Enumerable.Range(0, 100).Select(_ => DrawSeeds.Generate()).ToList();

        Assert.All(seeds, s => Assert.Matches("^[0-9a-f]{64}$", s));
        Assert.Equal(100, seeds.Distinct().Count());
    }

    static List<string> Fields(Longshan.Platform.Grpc.FieldViolations violations)
    {
        var error = Assert.Throws<RpcException>(violations.ThrowIfAny);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field)];
    }
}
