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

    static OfficerRecord Officer(string name, CertificateState state = CertificateState.Active, DateOnly? validTo = null) => new(
        Guid.NewGuid(), Agency, name, "HN" + name.GetHashCode().ToString("X8"), CertificateKind.Enforcement, "湖南省人民政府",
        new DateOnly(2025, 1, 1), validTo ?? new DateOnly(2027, 12, 31), ["龙山县"], state, "", 1);

    static readonly InspectionItem Item = new() { ItemId = Guid.NewGuid().ToString("D"), AgencyCode = Agency, Name = "抽查", RatioBasisPoints = 2500 };

    static RunDrawRequest Request() => new()
    {
        RequestId = "r", AgencyCode = Agency, ItemId = Item.ItemId, Seed = "seed",
        Targets = { Enumerable.Range(1, 8).Select(i => new DrawTarget { Id = $"T{i}", Name = $"对象{i}" }) },
    };

    [Fact]
    public void Only_officers_with_a_certificate_valid_on_the_draw_date_are_frozen_into_the_inputs()
    {
        OfficerRecord[] officers =
        [
            Officer("valid"), Officer("last-day", validTo: DrawDate), Officer("suspended", CertificateState.Suspended),
            Officer("revoked", CertificateState.Revoked), Officer("expired", validTo: DrawDate.AddDays(-1)),
        ];

        var draw = DrawInputs.Freeze(Request(), Item, officers, Guid.NewGuid(), DrawDate);

        Assert.Equal(["valid", "last-day"], draw.Officers.Select(o => o.Name));
    }

    [Fact]
    public void Without_a_size_the_items_ratio_is_used_and_rounded_up()
    {
        var officers = Enumerable.Range(0, 4).Select(i => Officer($"o{i}")).ToList();
        var draw = DrawInputs.Freeze(Request(), Item, officers, Guid.NewGuid(), DrawDate);

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
        request.Count = 9;

        var fields = Fields(DrawInputs.Validate(request));

        Assert.Contains("officers_per_target", fields);
        Assert.Contains("count", fields);
    }

    [Fact]
    public void Duplicate_targets_are_invalid()
    {
        var request = Request();
        request.Targets.Add(new DrawTarget { Id = "T3", Name = "重复" });

        Assert.Equal(["targets[8].id"], Fields(DrawInputs.Validate(request)));
    }

    static List<string> Fields(Longshan.Platform.Grpc.FieldViolations violations)
    {
        var error = Assert.Throws<RpcException>(violations.ThrowIfAny);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field)];
    }
}
