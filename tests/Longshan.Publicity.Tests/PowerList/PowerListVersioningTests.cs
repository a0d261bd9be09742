using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using Microsoft.Data.Sqlite;
using static Longshan.Publicity.Tests.PowerList.PowerItems;

namespace Longshan.Publicity.Tests.PowerList;

/// <summary>Versions, history, withdrawal, retries and events of the power list, through gRPC.</summary>
public sealed class PowerListVersioningTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly PowerListService.PowerListServiceClient client = new(app.Channel);

    [Fact]
    public async Task A_new_version_becomes_current_and_the_previous_stays_visible_with_its_dates_and_reason()
    {
        var agency = await RegisterAgencyAsync(app);
        var v1 = (await client.PublishItemAsync(Publish(agency, Content("330217-CF-001")), TestTokens.Bearer(agency))).Item;
        app.Clock.Advance(TimeSpan.FromDays(30));
        var changed = Content("330217-CF-001");
        changed.TimeLimitWorkingDays = 45;
        changed.LegalBases.Add(new PowerItemLegalBasis { Law = "《中华人民共和国土地管理法实施条例》", Article = "第五十七条" });
        var v2 = (await client.PublishItemAsync(NewVersion(agency, changed), TestTokens.Bearer(agency))).Item;

        Assert.Equal((1, PowerItemChangeReason.Initial), (v1.Version, v1.ChangeReason));
        Assert.Equal((2, PowerItemChangeReason.LawAmended, "《土地管理法》2019年修正"), (v2.Version, v2.ChangeReason, v2.ChangeNote));
        Assert.Equal(app.Clock.GetUtcNow(), v2.EffectiveFrom.ToDateTimeOffset());

        var current = (await client.GetItemAsync(new GetPowerItemRequest { AgencyCode = agency, ItemCode = "330217-CF-001" })).Item;
        Assert.Equal(2, current.Version);
        Assert.Equal(45, current.Content.TimeLimitWorkingDays);
        Assert.Null(current.SupersededAt);

        var old = (await client.GetItemAsync(new GetPowerItemRequest { AgencyCode = agency, ItemCode = "330217-CF-001", Version = 1 })).Item;
        Assert.Equal(60, old.Content.TimeLimitWorkingDays);
        Assert.Single(old.Content.LegalBases);
        Assert.Equal(v2.EffectiveFrom, old.SupersededAt);
        Assert.Equal(v1.EffectiveFrom, old.EffectiveFrom);

        var history = (await client.GetItemHistoryAsync(new GetPowerItemHistoryRequest { AgencyCode = agency, ItemCode = "330217-CF-001" })).Versions;
        Assert.Equal([2, 1], history.Select(v => v.Version));
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM power_item_versions WHERE agency_code = @agency", new { agency }));
        Assert.Equal(2, await app.CountAsync("SELECT current_version FROM power_items WHERE agency_code = @agency", new { agency }));
    }

    [Fact]
    public async Task The_flowchart_and_service_guide_come_back_as_published()
    {
        var agency = await RegisterAgencyAsync(app);
        var content = Content("XK-001", PowerCategory.Permit);
        content.Name = "  乡村建设规划许可 ";

        await client.PublishItemAsync(Publish(agency, content), TestTokens.Bearer(agency));

        var item = (await client.GetItemAsync(new GetPowerItemRequest { AgencyCode = agency, ItemCode = "XK-001" })).Item;
        Assert.Equal("乡村建设规划许可", item.Content.Name);
        Assert.Equal(["立案", "调查取证", "决定"], item.Content.Steps.Select(s => s.Name));
        Assert.Equal([true, false, true], item.Content.Steps.Select(s => s.HasTimeLimitWorkingDays));
        Assert.Equal("龙山县自然资源局", item.Content.ServiceGuide.ApprovingBody);
        Assert.Equal(["申请表", "身份证明"], item.Content.ServiceGuide.Materials.Select(m => m.Name));
        Assert.Equal([RemedyKind.Reconsideration, RemedyKind.Litigation], item.Content.RemedyChannels.Select(r => r.Kind));
        Assert.Equal(agency, item.AgencyCode);
    }

    [Fact]
    public async Task A_new_version_without_a_reason_is_refused_and_nothing_is_stored()
    {
        var agency = await RegisterAgencyAsync(app);
        await client.PublishItemAsync(Publish(agency, Content("CF-002")), TestTokens.Bearer(agency));

        var error = await Assert.ThrowsAsync<RpcException>(() => client.PublishItemAsync(Publish(agency, Content("CF-002")), TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["change_reason", "change_note"], error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM power_item_versions WHERE agency_code = @agency", new { agency }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'PowerItemPublished'", new { agency }));
    }

    [Fact]
    public async Task A_withdrawn_item_leaves_the_list_but_stays_in_history_and_cannot_change_again()
    {
        var agency = await RegisterAgencyAsync(app);
        await client.PublishItemAsync(Publish(agency, Content("CF-003")), TestTokens.Bearer(agency));
        await client.PublishItemAsync(Publish(agency, Content("CF-004")), TestTokens.Bearer(agency));
        app.Clock.Advance(TimeSpan.FromDays(1));

        var withdrawn = (await client.WithdrawItemAsync(Withdraw(agency, "CF-003"), TestTokens.Bearer(agency))).Item;

        Assert.Equal((2, PowerItemStatus.Withdrawn, PowerItemChangeReason.MandateChanged), (withdrawn.Version, withdrawn.Status, withdrawn.ChangeReason));
        var list = await client.ListItemsAsync(new ListPowerItemsRequest { AgencyCode = agency });
        Assert.Equal(["CF-004"], list.Items.Select(i => i.Content.ItemCode));
        var current = (await client.GetItemAsync(new GetPowerItemRequest { AgencyCode = agency, ItemCode = "CF-003" })).Item;
        Assert.Equal(PowerItemStatus.Withdrawn, current.Status);
        Assert.Equal("对未经批准非法占用土地的行政处罚", current.Content.Name);
        var history = (await client.GetItemHistoryAsync(new GetPowerItemHistoryRequest { AgencyCode = agency, ItemCode = "CF-003" })).Versions;
        Assert.Equal([PowerItemStatus.Withdrawn, PowerItemStatus.InForce], history.Select(v => v.Status));
        Assert.Equal(withdrawn.EffectiveFrom, history[1].SupersededAt);

        var again = await Assert.ThrowsAsync<RpcException>(() => client.WithdrawItemAsync(Withdraw(agency, "CF-003"), TestTokens.Bearer(agency)).ResponseAsync);
        var republish = await Assert.ThrowsAsync<RpcException>(() => client.PublishItemAsync(NewVersion(agency, Content("CF-003")), TestTokens.Bearer(agency)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, republish.StatusCode);
        Assert.Equal(3, await app.CountAsync("SELECT COUNT(*) FROM power_item_versions WHERE agency_code = @agency", new { agency }));
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'PowerItemWithdrawn' AND json_extract(body, '$.version') = 2 AND json_extract(body, '$.itemCode') = 'CF-003' AND json_extract(body, '$.reason') = 'mandate-changed'",
            new { agency }));
    }

    [Fact]
    public async Task Withdrawing_an_unknown_item_is_not_found()
    {
        var agency = await RegisterAgencyAsync(app);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.WithdrawItemAsync(Withdraw(agency, "NOPE-1"), TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_returns_the_first_result_and_adds_nothing()
    {
        var agency = await RegisterAgencyAsync(app);
        await client.PublishItemAsync(Publish(agency, Content("CF-005")), TestTokens.Bearer(agency));
        var request = NewVersion(agency, Content("CF-005"));

        var first = await client.PublishItemAsync(request, TestTokens.Bearer(agency));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var retry = await client.PublishItemAsync(request, TestTokens.Bearer(agency));
        var withdraw = Withdraw(agency, "CF-005");
        var withdrawn = await client.WithdrawItemAsync(withdraw, TestTokens.Bearer(agency));
        var withdrawRetry = await client.WithdrawItemAsync(withdraw, TestTokens.Bearer(agency));

        Assert.Equal(2, first.Item.Version);
        Assert.Equal(first, retry);
        Assert.Equal(withdrawn, withdrawRetry);
        Assert.Equal(3, await app.CountAsync("SELECT COUNT(*) FROM power_item_versions WHERE agency_code = @agency", new { agency }));
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'PowerItemPublished'", new { agency }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'PowerItemWithdrawn'", new { agency }));
    }

    [Fact]
    public async Task Each_version_writes_its_event_and_audit_row_and_the_events_reach_the_broker()
    {
        var agency = await RegisterAgencyAsync(app);
        await client.PublishItemAsync(Publish(agency, Content("XK-009", PowerCategory.Permit)), TestTokens.Bearer(agency));
        await client.PublishItemAsync(NewVersion(agency, Content("XK-009", PowerCategory.Permit)), TestTokens.Bearer(agency));

        const string Published = "SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'PowerItemPublished' " +
            "AND json_extract(body, '$.itemCode') = 'XK-009' AND json_extract(body, '$.category') = 'permit' AND json_extract(body, '$.version') = @version";
        Assert.Equal(1, await app.CountAsync(Published, new { agency, version = 1 }));
        Assert.Equal(1, await app.CountAsync(Published + " AND json_extract(body, '$.changeReason') = 'law-amended' " +
            "AND json_array_length(body, '$.steps') = 3 AND json_extract(body, '$.steps[1].timeLimitWorkingDays') IS NULL", new { agency, version = 2 }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PowerListService/PublishItem' AND target = @target", new { target = $"{agency}/XK-009@v2" }));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'PowerItemPublished' AND sent_at IS NULL", new { agency }) > 0
            && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'PowerItemPublished' AND sent_at IS NOT NULL", new { agency }));
    }

    [Fact]
    public async Task Concurrent_publications_of_one_item_get_consecutive_versions_and_stored_versions_cannot_be_rewritten()
    {
        var agency = await RegisterAgencyAsync(app);
        await client.PublishItemAsync(Publish(agency, Content("CF-006")), TestTokens.Bearer(agency));

        var versions = await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
            (await client.PublishItemAsync(NewVersion(agency, Content("CF-006"), $"修订 {i}"), TestTokens.Bearer(agency))).Item.Version));

        Assert.Equal([2, 3, 4, 5, 6, 7], versions.Order());
        Assert.Equal(7, await app.CountAsync("SELECT current_version FROM power_items WHERE agency_code = @agency AND item_code = 'CF-006'", new { agency }));
        var rewrite = await Assert.ThrowsAsync<SqliteException>(() =>
            app.CountAsync("UPDATE power_item_versions SET name = 'x' WHERE agency_code = @agency", new { agency }));
        Assert.Contains("immutable", rewrite.Message);
    }
}
