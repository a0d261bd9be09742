using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Officers.OfficerTestData;

namespace Longshan.Publicity.Tests.Inspections;

public sealed class InspectionEndpointTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly InspectionService.InspectionServiceClient client = new(app.Channel);
    readonly OfficerService.OfficerServiceClient officers = new(app.Channel);

    readonly InspectionDrawing drawing = new(app);

    static PublishInspectionItemRequest ItemRequest(string agency) => InspectionDrawing.ItemRequest(agency);

    static List<DrawTarget> Pool(int size) => InspectionDrawing.Pool(size);

    Task<string> PublishItemAsync(string agency) => drawing.PublishItemAsync(agency);

    static Task<RpcException> FailsAsync(Func<Task> call) => InspectionDrawing.FailsAsync(call);

    static string Rerun(InspectionDraw published) => InspectionDrawing.Rerun(published);

    static string Flatten(InspectionDraw draw) => InspectionDrawing.Flatten(draw);

    [Fact]
    public async Task Items_are_published_with_an_event_and_listed_publicly()
    {
        var agency = await RegisterAgencyAsync(app);
        var itemId = await PublishItemAsync(agency);

        var listed = await client.ListInspectionItemsAsync(new ListInspectionItemsRequest { AgencyCode = agency }, Anonymous);

        var item = Assert.Single(listed.Items);
        Assert.Equal((itemId, 500, "第一百一十条"), (item.ItemId, item.RatioBasisPoints, item.LegalBases.Single().Article));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'InspectionItemPublished' AND agency_code = @agency", new { agency }));
    }

    [Fact]
    public async Task An_item_without_legal_basis_or_ratio_is_invalid_and_not_stored()
    {
        var agency = await RegisterAgencyAsync(app);
        var request = ItemRequest(agency);
        request.LegalBases.Clear();
        request.RatioBasisPoints = 0;

        var error = await FailsAsync(() => client.PublishInspectionItemAsync(request, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["legal_bases", "ratio_basis_points"], error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM inspection_items WHERE agency_code = @agency", new { agency }));
    }

    [Fact]
    public async Task A_draw_rerun_from_its_published_inputs_gives_the_same_assignments_and_uses_only_valid_certificates()
    {
        var agency = await RegisterAgencyAsync(app);
        var valid = new List<string>();
        for (var i = 0; i < 5; i++) valid.Add((await IssueAsync(app, agency, $"检查员{i}")).OfficerId);
        var suspended = await IssueAsync(app, agency, "暂扣者");
        var revoked = await IssueAsync(app, agency, "吊销者");
        var expired = await IssueAsync(app, agency, "过期者", validTo: Today(app).AddDays(-1));
        var token = TestTokens.Bearer(agency);
        await officers.SuspendCertificateAsync(new SuspendCertificateRequest { RequestId = "s", CertificateNumber = suspended.Certificate.Number, Reason = "暂扣" }, token);
        await officers.RevokeCertificateAsync(new RevokeCertificateRequest { RequestId = "r", CertificateNumber = revoked.Certificate.Number, Reason = "吊销" }, token);
        var pool = Pool(12);
        var round = await drawing.RoundAsync(agency, pool, 4,
            r => r.Conflicts.Add(new DrawConflict { OfficerId = valid[0], TargetIds = { pool[0].Id, pool[5].Id } }));
        var request = InspectionDrawing.RunRequest(agency, round.RoundId);

        var drawn = (await client.RunDrawAsync(request, token)).Draw;
        var published = (await client.GetDrawAsync(new GetDrawRequest { DrawId = drawn.DrawId }, Anonymous)).Draw;

        Assert.Equal(4, published.Assignments.Count);
        Assert.All(published.Assignments, a => Assert.Equal(2, a.OfficerIds.Distinct().Count()));
        Assert.Equal(valid.Order(), published.Officers.Select(o => o.OfficerId).Order());
        Assert.DoesNotContain(published.Assignments.SelectMany(a => a.OfficerIds), id => id == suspended.OfficerId || id == revoked.OfficerId || id == expired.OfficerId);
        Assert.Equal(Flatten(drawn), Flatten(published));
        Assert.Equal(Flatten(published), Rerun(published));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'InspectionDrawCompleted' AND body LIKE @id", new { id = $"%{drawn.DrawId}%" }));

        var retried = (await client.RunDrawAsync(request, token)).Draw;
        Assert.Equal(drawn.DrawId, retried.DrawId);
    }

    [Fact]
    public async Task A_conflicted_officer_is_never_assigned_to_the_targets_they_must_avoid()
    {
        var agency = await RegisterAgencyAsync(app);
        var ids = new List<string>();
        for (var i = 0; i < 4; i++) ids.Add((await IssueAsync(app, agency, $"检查员{i}")).OfficerId);
        var itemId = await PublishItemAsync(agency);
        await drawing.RegisterAsync(agency, itemId, Pool(10));
        var avoided = Pool(10).Take(6).Select(t => t.Id).ToHashSet();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var request = InspectionDrawing.FreezeRequest(agency, itemId, 10);
            request.Conflicts.Add(new DrawConflict { OfficerId = ids[2].ToUpperInvariant(), TargetIds = { avoided } });
            var draw = await drawing.RunAsync(agency, (await drawing.FreezeAsync(request)).RoundId);

            Assert.Equal(10, draw.Assignments.Count);
            Assert.All(draw.Assignments.Where(a => avoided.Contains(a.TargetId)), a => Assert.DoesNotContain(ids[2], a.OfficerIds));
            Assert.Equal(Flatten(draw), Rerun(draw));
        }
    }

    [Fact]
    public async Task A_draw_without_two_eligible_officers_per_target_is_refused_and_nothing_is_stored()
    {
        var agency = await RegisterAgencyAsync(app);
        await IssueAsync(app, agency, "甲");
        var second = await IssueAsync(app, agency, "乙");
        await IssueAsync(app, agency, "丙", validTo: Today(app).AddDays(-1));
        var pool = Pool(3);
        var round = await drawing.RoundAsync(agency, pool, 3, r => r.Conflicts.Add(new DrawConflict { OfficerId = second.OfficerId, TargetIds = { pool[1].Id } }));

        var error = await FailsAsync(() => client.RunDrawAsync(InspectionDrawing.RunRequest(agency, round.RoundId), TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        var violation = error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations.Single();
        Assert.Equal("too-few-officers", violation.Type);
        Assert.Equal(pool[1].Id, violation.Subject);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM inspection_draws WHERE agency_code = @agency", new { agency }));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'InspectionDrawCompleted' AND agency_code = @agency", new { agency }));
    }

    [Fact]
    public async Task Conflicts_must_name_the_agencys_own_officers_and_targets_of_the_pool()
    {
        var agency = await RegisterAgencyAsync(app);
        var other = await RegisterAgencyAsync(app);
        for (var i = 0; i < 3; i++) await IssueAsync(app, agency, $"检查员{i}");
        var stranger = await IssueAsync(app, other, "外单位");
        var itemId = await PublishItemAsync(agency);
        await drawing.RegisterAsync(agency, itemId, Pool(4));
        var request = InspectionDrawing.FreezeRequest(agency, itemId, 2);
        request.Conflicts.Add(new DrawConflict { OfficerId = stranger.OfficerId, TargetIds = { Pool(4)[0].Id } });

        var unknownOfficer = await FailsAsync(() => client.FreezeDrawPoolAsync(request, TestTokens.Bearer(agency)).ResponseAsync);
        request.Conflicts[0].OfficerId = (await IssueAsync(app, agency, "本单位")).OfficerId;
        request.Conflicts[0].TargetIds.Add("not-in-pool");
        var unknownTarget = await FailsAsync(() => client.FreezeDrawPoolAsync(request, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal("conflicts[0].officer_id", unknownOfficer.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal("conflicts[0].target_ids[1]", unknownTarget.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }

    [Fact]
    public async Task Another_agency_cannot_publish_items_draw_or_publish_results_for_an_agency()
    {
        var owner = await RegisterAgencyAsync(app);
        var other = await RegisterAgencyAsync(app);
        for (var i = 0; i < 2; i++) await IssueAsync(app, owner, $"检查员{i}");
        var round = await drawing.RoundAsync(owner, Pool(3), 1);
        var itemId = round.ItemId;
        var draw = await drawing.RunAsync(owner, round.RoundId);
        var secondRound = await drawing.FreezeAsync(InspectionDrawing.FreezeRequest(owner, itemId, 1));
        var intruder = TestTokens.Bearer(other);

        var item = await FailsAsync(() => client.PublishInspectionItemAsync(ItemRequest(owner), intruder).ResponseAsync);
        var run = await FailsAsync(() => client.RunDrawAsync(InspectionDrawing.RunRequest(owner, secondRound.RoundId), intruder).ResponseAsync);
        var register = await FailsAsync(() => client.UpdateTargetRegisterAsync(new UpdateTargetRegisterRequest
        {
            RequestId = "x", AgencyCode = owner, ItemId = itemId, Remove = { Pool(3)[0].Id },
        }, intruder).ResponseAsync);
        var freeze = await FailsAsync(() => client.FreezeDrawPoolAsync(InspectionDrawing.FreezeRequest(owner, itemId, 1), intruder).ResponseAsync);
        var result = await FailsAsync(() => client.PublishInspectionResultAsync(new PublishInspectionResultRequest
        {
            RequestId = "x", DrawId = draw.DrawId, TargetId = draw.Assignments[0].TargetId, InspectedOn = Date(Today(app)), Outcome = "未发现问题",
        }, intruder).ResponseAsync);
        var ownAgencyOthersRound = await FailsAsync(() => client.RunDrawAsync(InspectionDrawing.RunRequest(other, secondRound.RoundId), intruder).ResponseAsync);

        Assert.All(new[] { item, run, register, freeze, result }, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(StatusCode.NotFound, ownAgencyOthersRound.StatusCode);
        Assert.Equal(3, (await client.ListRegisterTargetsAsync(new ListRegisterTargetsRequest { ItemId = itemId }, Anonymous)).Targets.Count);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM inspection_draws WHERE agency_code = @owner", new { owner }));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM inspection_results WHERE agency_code = @owner", new { owner }));
    }

    [Fact]
    public async Task Results_are_published_per_drawn_target_once_and_listed_publicly()
    {
        var agency = await RegisterAgencyAsync(app);
        for (var i = 0; i < 3; i++) await IssueAsync(app, agency, $"检查员{i}");
        var draw = await drawing.DrawAsync(agency, Pool(5), 2);
        var drawnTarget = draw.Assignments[0];
        var notDrawn = draw.Targets.First(t => draw.Assignments.All(a => a.TargetId != t.Id)).Id;
        PublishInspectionResultRequest Result(string target, string inspectedOn) => new()
        {
            RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = target, InspectedOn = inspectedOn, Outcome = "未发现问题",
        };
        var token = TestTokens.Bearer(agency);

        var published = (await client.PublishInspectionResultAsync(Result(drawnTarget.TargetId, Date(Today(app))), token)).Result;
        var twice = await FailsAsync(() => client.PublishInspectionResultAsync(Result(drawnTarget.TargetId, Date(Today(app))), token).ResponseAsync);
        var undrawn = await FailsAsync(() => client.PublishInspectionResultAsync(Result(notDrawn, Date(Today(app))), token).ResponseAsync);
        var future = await FailsAsync(() => client.PublishInspectionResultAsync(Result(draw.Assignments[1].TargetId, Date(Today(app).AddDays(1))), token).ResponseAsync);
        var listed = await client.ListInspectionResultsAsync(new ListInspectionResultsRequest { AgencyCode = agency, DrawId = draw.DrawId }, Anonymous);

        Assert.Equal(drawnTarget.TargetName, published.TargetName);
        Assert.Equal(drawnTarget.OfficerIds, published.OfficerIds);
        Assert.Equal(StatusCode.AlreadyExists, twice.StatusCode);
        Assert.Equal("target_id", undrawn.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal("inspected_on", future.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal([drawnTarget.TargetId], listed.Results.Select(r => r.TargetId));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'InspectionResultPublished' AND agency_code = @agency", new { agency }));
        var draws = await client.ListDrawsAsync(new ListDrawsRequest { AgencyCode = agency }, Anonymous);
        Assert.Equal([draw.DrawId], draws.Draws.Select(d => d.DrawId));
    }

    [Fact]
    public async Task A_natural_person_targets_name_and_the_numbers_in_an_outcome_are_masked_wherever_the_result_is_published()
    {
        var agency = await RegisterAgencyAsync(app);
        for (var i = 0; i < 2; i++) await IssueAsync(app, agency, $"检查员{i}");
        var pool = Pool(1);
        pool[0].Name = "张三丰";
        pool[0].Kind = TargetKind.NaturalPerson;
        var draw = await drawing.DrawAsync(agency, pool, 1);
        const string id = "43313019850612123X", phone = "13812345678", account = "6222021234567890123";

        var published = (await client.PublishInspectionResultAsync(new PublishInspectionResultRequest
        {
            RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = draw.Assignments[0].TargetId, InspectedOn = Date(Today(app)),
            Outcome = $"经营者张三丰（身份证{id}，电话{phone}，收款账户{account}）未亮照经营，已责令改正",
        }, TestTokens.Bearer(agency))).Result;
        var listed = Assert.Single((await client.ListInspectionResultsAsync(new ListInspectionResultsRequest { AgencyCode = agency }, Anonymous)).Results);

        foreach (var result in new[] { published, listed })
        {
            Assert.Equal("张**", result.TargetName);
            Assert.Equal("经营者张**（身份证433130************，电话138****5678，收款账户***************0123）未亮照经营，已责令改正", result.Outcome);
        }
        var secrets = new { agency, id = $"%{id}%", phone = $"%{phone}%", account = $"%{account}%" };
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'InspectionResultPublished' AND agency_code = @agency", secrets));
        Assert.Equal(0, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'InspectionResultPublished' AND agency_code = @agency AND (body LIKE @id OR body LIKE @phone OR body LIKE @account)", secrets));
        Assert.Equal(0, await app.CountAsync(
            "SELECT COUNT(*) FROM inspection_results WHERE agency_code = @agency AND (body LIKE @id OR body LIKE @phone OR body LIKE @account)", secrets));
    }

    /// <summary>Inspection results are redacted like decisions: addresses, health terms and other persons' names too.</summary>
    public const string OutcomeWithPersonalData =
        "经营者（家庭住址：龙山县民安街道兴隆路18号，收款账户：6217-0023-4567-89）自述患有乙型肝炎，其雇员王小明在场，已责令改正";

    public const string MaskedOutcome =
        "经营者（家庭住址：***，收款账户：****-****-**67-89）自述患有***，其雇员王**在场，已责令改正";

    [Fact]
    public async Task A_result_masks_addresses_health_terms_accounts_and_other_persons_names_on_publication_and_listing()
    {
        var agency = await RegisterAgencyAsync(app);
        for (var i = 0; i < 2; i++) await IssueAsync(app, agency, $"检查员{i}");
        var draw = await drawing.DrawAsync(agency, Pool(1), 1);

        var published = (await client.PublishInspectionResultAsync(new PublishInspectionResultRequest
        {
            RequestId = Guid.NewGuid().ToString(), DrawId = draw.DrawId, TargetId = draw.Assignments[0].TargetId, InspectedOn = Date(Today(app)),
            Outcome = OutcomeWithPersonalData, OtherPersonNames = { "王小明" },
        }, TestTokens.Bearer(agency))).Result;
        var listed = Assert.Single((await client.ListInspectionResultsAsync(new ListInspectionResultsRequest { AgencyCode = agency }, Anonymous)).Results);

        Assert.Equal(MaskedOutcome, published.Outcome);
        Assert.Equal(MaskedOutcome, listed.Outcome);
        var secrets = new { agency, address = "%兴隆路18号%", name = "%王小明%", account = "%0023-4567%" };
        Assert.Equal(0, await app.CountAsync(
            "SELECT COUNT(*) FROM inspection_results WHERE agency_code = @agency AND (body LIKE @address OR body LIKE @name OR body LIKE @account)", secrets));
        Assert.Equal(0, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND (body LIKE @address OR body LIKE @name OR body LIKE @account)", secrets));
    }

    [Fact]
    public void A_result_stored_before_the_full_masking_is_masked_again_when_listed()
    {
        var stored = new InspectionResult { Outcome = "住址：龙山县民安街道兴隆路18号，患有肺结核，电话13812345678" };

        var listed = Longshan.Publicity.Inspections.InspectionResults.ForListing(stored);

        Assert.Equal("住址：***，患有***，电话138****5678", listed.Outcome);
    }

    [Fact]
    public async Task A_public_draw_masks_natural_person_targets_and_still_re_runs_to_the_same_assignments()
    {
        var agency = await RegisterAgencyAsync(app);
        for (var i = 0; i < 2; i++) await IssueAsync(app, agency, $"检查员{i}");
        var pool = Pool(3);
        pool[0].Name = "李秀英";
        pool[0].Kind = TargetKind.NaturalPerson;
        var drawn = await drawing.DrawAsync(agency, pool, 3);

        var shown = (await client.GetDrawAsync(new GetDrawRequest { DrawId = drawn.DrawId }, Anonymous)).Draw;
        var round = (await client.GetDrawRoundAsync(new GetDrawRoundRequest { RoundId = drawn.RoundId }, Anonymous)).Round;
        var register = await client.ListRegisterTargetsAsync(new ListRegisterTargetsRequest { ItemId = drawn.ItemId }, Anonymous);

        Assert.DoesNotContain("李秀英", shown.ToString());
        Assert.DoesNotContain("李秀英", round.ToString());
        Assert.DoesNotContain("李秀英", register.ToString());
        Assert.Equal("李**", register.Targets.Single(t => t.Kind == TargetKind.NaturalPerson).Name);
        Assert.Equal("李**", shown.Targets.Single(t => t.Kind == TargetKind.NaturalPerson).Name);
        Assert.Equal(drawn.Assignments.Select(a => (a.TargetId, string.Join(",", a.OfficerIds))),
            shown.Assignments.Select(a => (a.TargetId, string.Join(",", a.OfficerIds))));
    }

    [Fact]
    public async Task An_unknown_target_kind_is_invalid()
    {
        var agency = await RegisterAgencyAsync(app);
        var pool = Pool(2);
        pool[1].Kind = (TargetKind)7;

        var error = await FailsAsync(() => client.UpdateTargetRegisterAsync(new UpdateTargetRegisterRequest
        {
            RequestId = "k", AgencyCode = agency, ItemId = Guid.NewGuid().ToString(), Add = { pool },
        }, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal("add[1].kind", error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
    }
}
