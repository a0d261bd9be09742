using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Inspections;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Officers.OfficerTestData;

namespace Longshan.Publicity.Tests.Inspections;

/// <summary>
/// 双随机 fairness (国发〔2015〕58号): targets come from a maintained register, the pool is frozen and published before the
/// draw, the seed is the service's, a round is drawn once (or redrawn in public with a reason), and only officers whose
/// certificate covers the item's enforcement area are drawn.
/// </summary>
public sealed class FairDrawTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly InspectionDrawing drawing = new(app);
    InspectionService.InspectionServiceClient Client => drawing.Client;

    async Task<string> AgencyWithOfficersAsync(int officers)
    {
        var agency = await RegisterAgencyAsync(app);
        for (var i = 0; i < officers; i++) await IssueAsync(app, agency, $"检查员{i}");
        return agency;
    }

    [Fact]
    public async Task The_seed_is_generated_by_the_service_at_draw_time_and_published_so_anyone_can_re_run_the_draw()
    {
        var agency = await AgencyWithOfficersAsync(4);
        var pool = InspectionDrawing.Pool(20);

        var first = await drawing.DrawAsync(agency, pool, 5);
        var second = await drawing.DrawAsync(agency, pool, 5);
        var published = (await Client.GetDrawAsync(new GetDrawRequest { DrawId = first.DrawId }, Anonymous)).Draw;

        Assert.Matches("^[0-9a-f]{64}$", first.Seed);
        Assert.NotEqual(first.Seed, second.Seed);
        Assert.Equal((first.Seed, DrawSeeds.Source), (published.Seed, published.SeedSource));
        Assert.Equal(InspectionDrawing.Flatten(published), InspectionDrawing.Rerun(published));
        // The request has no field for a seed, a pool or a size: the agency cannot send them.
        Assert.Null(RunDrawRequest.Descriptor.FindFieldByName("seed"));
        Assert.Null(RunDrawRequest.Descriptor.FindFieldByName("targets"));
    }

    [Fact]
    public async Task The_pool_is_frozen_and_published_before_the_draw_and_later_register_changes_do_not_reach_it()
    {
        var agency = await AgencyWithOfficersAsync(3);
        var pool = InspectionDrawing.Pool(6);
        var round = await drawing.RoundAsync(agency, pool, 3);

        var beforeDraw = (await Client.GetDrawRoundAsync(new GetDrawRoundRequest { RoundId = round.RoundId }, Anonymous)).Round;
        var active = await drawing.RegisterAsync(agency, round.ItemId, [new DrawTarget { Id = "91433130MA4LLATE01", Name = "冻结后加入的企业" }], pool[0].Id);
        var draw = await drawing.RunAsync(agency, round.RoundId);
        var afterDraw = (await Client.GetDrawRoundAsync(new GetDrawRoundRequest { RoundId = round.RoundId }, Anonymous)).Round;

        Assert.Equal("", beforeDraw.DrawId);
        Assert.Equal(pool.Select(t => t.Id).Order(StringComparer.Ordinal), beforeDraw.Targets.Select(t => t.Id));
        Assert.Equal(DrawRounds.PoolDigest(beforeDraw.Targets), beforeDraw.PoolDigest);
        Assert.Equal(6, active); // the register moved on: one added, one taken off
        Assert.Equal(beforeDraw.Targets.Select(t => t.Id), draw.Targets.Select(t => t.Id));
        Assert.Contains(draw.Targets, t => t.Id == pool[0].Id); // taken off the register after the freeze: still in the pool
        Assert.DoesNotContain(draw.Targets, t => t.Id == "91433130MA4LLATE01");
        Assert.Equal((round.PoolDigest, round.FrozenAt, round.RoundId), (draw.PoolDigest, draw.PoolFrozenAt, draw.RoundId));
        Assert.Equal(draw.DrawId, afterDraw.DrawId);
        var register = await Client.ListRegisterTargetsAsync(new ListRegisterTargetsRequest { ItemId = round.ItemId }, Anonymous);
        Assert.DoesNotContain(register.Targets, t => t.Id == pool[0].Id);
        Assert.Contains(register.Targets, t => t.Id == "91433130MA4LLATE01");
    }

    [Fact]
    public async Task A_round_is_drawn_once_a_retry_returns_the_same_draw_and_a_redraw_is_published_with_its_reason()
    {
        var agency = await AgencyWithOfficersAsync(3);
        var round = await drawing.RoundAsync(agency, InspectionDrawing.Pool(8), 2);
        var request = InspectionDrawing.RunRequest(agency, round.RoundId);
        var token = TestTokens.Bearer(agency);

        var first = (await Client.RunDrawAsync(request, token)).Draw;
        var retried = (await Client.RunDrawAsync(request, token)).Draw;
        var again = await InspectionDrawing.FailsAsync(() => Client.RunDrawAsync(InspectionDrawing.RunRequest(agency, round.RoundId), token).ResponseAsync);
        var blankReason = await InspectionDrawing.FailsAsync(() => Client.RunDrawAsync(InspectionDrawing.RunRequest(agency, round.RoundId, "  "), token).ResponseAsync);
        var redraw = await drawing.RunAsync(agency, round.RoundId, "抽中的检查人员与对象存在利害关系，申请回避后重新抽取");

        Assert.Equal((first.DrawId, first.Seed), (retried.DrawId, retried.Seed));
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal("draw-round-already-drawn", again.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.Equal(StatusCode.FailedPrecondition, blankReason.StatusCode);
        Assert.Equal((first.DrawId, "抽中的检查人员与对象存在利害关系，申请回避后重新抽取"), (redraw.RedrawOf, redraw.RedrawReason));
        Assert.Equal("", first.RedrawOf);
        Assert.NotEqual(first.Seed, redraw.Seed);
        var current = (await Client.GetDrawRoundAsync(new GetDrawRoundRequest { RoundId = round.RoundId }, Anonymous)).Round;
        Assert.Equal(redraw.DrawId, current.DrawId);
        var listed = await Client.ListDrawsAsync(new ListDrawsRequest { AgencyCode = agency }, Anonymous);
        Assert.Equal([redraw.DrawId, first.DrawId], listed.Draws.Select(d => d.DrawId));
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'InspectionDrawCompleted' AND agency_code = @agency AND body LIKE @reason AND body LIKE @of",
            new { agency, reason = "%\"redrawReason\":\"%", of = $"%\"redrawOf\":\"{first.DrawId}\"%" }));
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM inspection_draws WHERE agency_code = @agency", new { agency }));
    }

    [Fact]
    public async Task Only_officers_whose_certificate_covers_the_items_enforcement_area_are_drawn()
    {
        var agency = await RegisterAgencyAsync(app);
        var covering = new List<string>();
        for (var i = 0; i < 2; i++) covering.Add((await IssueAsync(app, agency, $"食品{i}")).OfficerId);
        var officers = new OfficerService.OfficerServiceClient(app.Channel);
        var others = new List<string>();
        foreach (var areas in new[] { new[] { "龙山县", "安全生产" }, new[] { "食品安全监管" }, new[] { "龙山县" } })
        {
            var request = IssueRequest(app, agency, name: "他类");
            request.Areas.Clear();
            request.Areas.Add(areas);
            others.Add((await officers.IssueCertificateAsync(request, TestTokens.Bearer(agency))).Officer.OfficerId);
        }

        var draw = await drawing.DrawAsync(agency, InspectionDrawing.Pool(6), 6);

        Assert.Equal(InspectionDrawing.Area, draw.EnforcementArea);
        Assert.Equal(covering.Order(), draw.Officers.Select(o => o.OfficerId).Order());
        Assert.DoesNotContain(draw.Assignments.SelectMany(a => a.OfficerIds), others.Contains);
        Assert.Equal(InspectionDrawing.Flatten(draw), InspectionDrawing.Rerun(draw));
    }

    [Fact]
    public async Task Without_two_covering_officers_the_draw_is_refused_even_when_others_have_valid_certificates()
    {
        var agency = await RegisterAgencyAsync(app);
        await IssueAsync(app, agency, "食品0");
        var request = IssueRequest(app, agency, name: "安全生产");
        request.Areas.Clear();
        request.Areas.Add("安全生产");
        await new OfficerService.OfficerServiceClient(app.Channel).IssueCertificateAsync(request, TestTokens.Bearer(agency));
        var round = await drawing.RoundAsync(agency, InspectionDrawing.Pool(2), 1);

        var error = await InspectionDrawing.FailsAsync(() => Client.RunDrawAsync(InspectionDrawing.RunRequest(agency, round.RoundId), TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal("too-few-officers", error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.Equal("", (await Client.GetDrawRoundAsync(new GetDrawRoundRequest { RoundId = round.RoundId }, Anonymous)).Round.DrawId);
    }

    [Fact]
    public async Task An_item_needs_an_enforcement_area_and_an_empty_register_cannot_be_frozen()
    {
        var agency = await AgencyWithOfficersAsync(2);
        var noArea = InspectionDrawing.ItemRequest(agency);
        noArea.EnforcementArea = " ";
        var itemId = await drawing.PublishItemAsync(agency);
        await drawing.RegisterAsync(agency, itemId, InspectionDrawing.Pool(1));
        await drawing.RegisterAsync(agency, itemId, [], InspectionDrawing.Pool(1)[0].Id);

        var invalid = await InspectionDrawing.FailsAsync(() => Client.PublishInspectionItemAsync(noArea, TestTokens.Bearer(agency)).ResponseAsync);
        var empty = await InspectionDrawing.FailsAsync(() => drawing.FreezeAsync(InspectionDrawing.FreezeRequest(agency, itemId, 1)));
        var tooMany = await InspectionDrawing.FailsAsync(async () =>
        {
            await drawing.RegisterAsync(agency, itemId, InspectionDrawing.Pool(3));
            await drawing.FreezeAsync(InspectionDrawing.FreezeRequest(agency, itemId, 4));
        });
        var exactly = await drawing.FreezeAsync(InspectionDrawing.FreezeRequest(agency, itemId, 3));

        Assert.Equal("enforcement_area", invalid.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal("target-register-empty", empty.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single().Type);
        Assert.Equal("count", tooMany.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(3, exactly.Targets.Count);
    }

    [Fact]
    public async Task The_register_is_listed_publicly_in_pages_by_target_id()
    {
        var agency = await AgencyWithOfficersAsync(0);
        var itemId = await drawing.PublishItemAsync(agency);
        await drawing.RegisterAsync(agency, itemId, InspectionDrawing.Pool(5));

        var first = await Client.ListRegisterTargetsAsync(new ListRegisterTargetsRequest { ItemId = itemId, PageSize = 3 }, Anonymous);
        var second = await Client.ListRegisterTargetsAsync(new ListRegisterTargetsRequest { ItemId = itemId, PageSize = 3, PageToken = first.NextPageToken }, Anonymous);

        Assert.Equal(InspectionDrawing.Pool(5).Select(t => t.Id), first.Targets.Concat(second.Targets).Select(t => t.Id));
        Assert.Equal("", second.NextPageToken);
    }
}
