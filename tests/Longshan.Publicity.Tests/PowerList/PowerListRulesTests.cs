using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identity;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.PowerList.PowerItems;

namespace Longshan.Publicity.Tests.PowerList;

/// <summary>Who may write which agency's items, and what an item must contain — nothing is stored when refused.</summary>
public sealed class PowerListRulesTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly PowerListService.PowerListServiceClient client = new(app.Channel);

    Task<long> VersionsOf(string agency) => app.CountAsync("SELECT COUNT(*) FROM power_item_versions WHERE agency_code = @agency", new { agency });

    Task<long> EventsOf(string agency) => app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type LIKE 'PowerItem%'", new { agency });

    [Fact]
    public async Task An_agency_cannot_publish_or_withdraw_another_agencys_items()
    {
        var owner = await RegisterAgencyAsync(app);
        var intruder = await RegisterAgencyAsync(app);
        await client.PublishItemAsync(Publish(owner, Content("CF-001")), TestTokens.Bearer(owner));

        var publish = await Assert.ThrowsAsync<RpcException>(() => client.PublishItemAsync(NewVersion(owner, Content("CF-001")), TestTokens.Bearer(intruder)).ResponseAsync);
        var create = await Assert.ThrowsAsync<RpcException>(() => client.PublishItemAsync(Publish(owner, Content("CF-999")), TestTokens.Bearer(intruder)).ResponseAsync);
        var withdraw = await Assert.ThrowsAsync<RpcException>(() => client.WithdrawItemAsync(Withdraw(owner, "CF-001"), TestTokens.Bearer(intruder)).ResponseAsync);

        Assert.All([publish, create, withdraw], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal(1, await VersionsOf(owner));
        Assert.Equal(1, await EventsOf(owner));
        Assert.Equal(0, await VersionsOf(intruder));
    }

    [Fact]
    public async Task The_county_administrator_may_publish_for_any_agency_and_the_read_only_center_may_not()
    {
        var agency = await RegisterAgencyAsync(app);
        var bureau = CreditCodes.New();

        var item = (await client.PublishItemAsync(Publish(agency, Content("CF-001")), TestTokens.Bearer(bureau, Roles.CountyAdmin))).Item;
        var center = await Assert.ThrowsAsync<RpcException>(() =>
            client.PublishItemAsync(Publish(agency, Content("CF-002")), TestTokens.Bearer(agency, Roles.DataCenter)).ResponseAsync);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => client.PublishItemAsync(Publish(agency, Content("CF-003"))).ResponseAsync);

        Assert.Equal(agency, item.AgencyCode);
        Assert.Equal(StatusCode.PermissionDenied, center.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(1, await VersionsOf(agency));
    }

    [Fact]
    public async Task An_unregistered_agency_has_no_list_to_publish_to()
    {
        var stranger = CreditCodes.New();

        var error = await Assert.ThrowsAsync<RpcException>(() => client.PublishItemAsync(Publish(stranger, Content("CF-001")), TestTokens.Bearer(stranger)).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(0, await VersionsOf(stranger));
    }

    public static readonly TheoryData<string, string[]> BadContent = new()
    {
        { "no legal basis", ["content.legal_bases"] },
        { "legal basis without article", ["content.legal_bases[0].article"] },
        { "unspecified category", ["content.category"] },
        { "unknown category", ["content.category"] },
        { "no steps", ["content.steps"] },
        { "step without name and unit", ["content.steps[1].name", "content.steps[1].responsible"] },
        { "zero time limit", ["content.time_limit_working_days"] },
        { "negative time limit", ["content.time_limit_working_days"] },
        { "step longer than the item", ["content.steps[2].time_limit_working_days"] },
        { "steps add up to more than the item", ["content.steps"] },
        { "zero step time limit", ["content.steps[0].time_limit_working_days"] },
        { "no remedy channel", ["content.remedy_channels"] },
        { "permit without service guide", ["content.service_guide"] },
        { "guide promises more than the law allows", ["content.service_guide.time_limit_working_days"] },
        { "fee without basis", ["content.service_guide.fee_basis"] },
        { "negative fee", ["content.service_guide.fee_fen"] },
        { "item code with spaces", ["content.item_code"] },
        { "no content", ["content"] },
        { "bad agency code and no request id", ["request_id", "agency_code"] },
    };

    [Theory]
    [MemberData(nameof(BadContent))]
    public async Task Bad_content_is_invalid_argument_with_the_fields_and_nothing_is_stored(string problem, string[] fields)
    {
        var agency = await RegisterAgencyAsync(app);
        var request = Publish(agency, Content("XK-001", PowerCategory.Permit));
        Spoil(request, problem);

        var error = await Assert.ThrowsAsync<RpcException>(() => client.PublishItemAsync(request, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(fields, error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(0, await VersionsOf(agency));
        Assert.Equal(0, await EventsOf(agency));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'PowerListService/PublishItem' AND target LIKE @prefix", new { prefix = agency + "%" }));
    }

    static void Spoil(PublishPowerItemRequest request, string problem)
    {
        var content = request.Content;
        switch (problem)
        {
            case "no legal basis": content.LegalBases.Clear(); break;
            case "legal basis without article": content.LegalBases[0].Article = " "; break;
            case "unspecified category": content.Category = PowerCategory.Unspecified; content.ServiceGuide = null; break;
            case "unknown category": content.Category = (PowerCategory)42; break;
            case "no steps": content.Steps.Clear(); break;
            case "step without name and unit": content.Steps[1].Name = ""; content.Steps[1].Responsible = ""; break;
            case "zero time limit": content.TimeLimitWorkingDays = 0; break;
            case "negative time limit": content.TimeLimitWorkingDays = -5; break;
            case "step longer than the item": content.Steps[2].TimeLimitWorkingDays = 61; break;
            case "steps add up to more than the item": content.Steps[0].TimeLimitWorkingDays = 30; content.Steps[2].TimeLimitWorkingDays = 31; break;
            case "zero step time limit": content.Steps[0].TimeLimitWorkingDays = 0; break;
            case "no remedy channel": content.RemedyChannels.Clear(); break;
            case "permit without service guide": content.ServiceGuide = null; break;
            case "guide promises more than the law allows": content.ServiceGuide.TimeLimitWorkingDays = 61; break;
            case "fee without basis": content.ServiceGuide.FeeFen = 5_000; break;
            case "negative fee": content.ServiceGuide.FeeFen = -1; break;
            case "item code with spaces": content.ItemCode = "XK 001"; break;
            case "no content": request.Content = null; break;
            case "bad agency code and no request id": request.AgencyCode = request.AgencyCode[..17] + (request.AgencyCode[17] == '0' ? '1' : '0'); request.RequestId = ""; break;
            default: throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
        }
    }

    [Fact]
    public async Task A_withdrawal_needs_a_reason_and_a_note()
    {
        var agency = await RegisterAgencyAsync(app);
        await client.PublishItemAsync(Publish(agency, Content("CF-001")), TestTokens.Bearer(agency));
        var request = Withdraw(agency, "CF-001");
        request.Reason = PowerItemChangeReason.Initial;
        request.Note = "";

        var error = await Assert.ThrowsAsync<RpcException>(() => client.WithdrawItemAsync(request, TestTokens.Bearer(agency)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["reason", "note"], error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal(1, await VersionsOf(agency));
    }

    [Fact]
    public async Task Reads_of_unknown_items_or_versions_are_not_found_and_bad_keys_invalid()
    {
        var agency = await RegisterAgencyAsync(app);
        await client.PublishItemAsync(Publish(agency, Content("CF-001")), TestTokens.Bearer(agency));

        var version = await Assert.ThrowsAsync<RpcException>(() => client.GetItemAsync(new GetPowerItemRequest { AgencyCode = agency, ItemCode = "CF-001", Version = 2 }).ResponseAsync);
        var item = await Assert.ThrowsAsync<RpcException>(() => client.GetItemAsync(new GetPowerItemRequest { AgencyCode = agency, ItemCode = "CF-404" }).ResponseAsync);
        var history = await Assert.ThrowsAsync<RpcException>(() => client.GetItemHistoryAsync(new GetPowerItemHistoryRequest { AgencyCode = agency, ItemCode = "CF-404" }).ResponseAsync);
        var bad = await Assert.ThrowsAsync<RpcException>(() => client.GetItemAsync(new GetPowerItemRequest { AgencyCode = "123", ItemCode = "", Version = -1 }).ResponseAsync);

        Assert.All([version, item, history], e => Assert.Equal(StatusCode.NotFound, e.StatusCode));
        Assert.Equal(["agency_code", "item_code", "version"], bad.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }
}
