using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Publicity.PowerList;
using DecisionCategory = Longshan.Publicity.Decisions.DecisionCategory;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace Longshan.UnitTests.Publicity;

public sealed class PowerItemValidationTests
{
    static readonly string Agency = "11433130000000001" + UnifiedSocialCreditCode.CheckCharacter("11433130000000001");

    static PublishPowerItemRequest Request(PowerCategory category = PowerCategory.Penalty) => new()
    {
        RequestId = "r-1",
        AgencyCode = Agency,
        Content = new PowerItemContent
        {
            ItemCode = "CF.001_a-2", Name = "对违法占地的处罚", Category = category, TimeLimitWorkingDays = 20,
            LegalBases = { new PowerItemLegalBasis { Law = "《土地管理法》", Article = "第七十七条" } },
            Steps =
            {
                new PowerItemStep { Name = "立案", Responsible = "执法大队", TimeLimitWorkingDays = 5 },
                new PowerItemStep { Name = "决定", Responsible = "局务会", TimeLimitWorkingDays = 15 },
            },
            RemedyChannels = { new RemedyChannel { Kind = RemedyKind.Litigation, Body = "龙山县人民法院" } },
        },
    };

    static PowerItemServiceGuide Guide() => new()
    {
        AcceptingBody = "政务服务中心", ApprovingBody = "自然资源局", Conditions = "符合规划", TimeLimitWorkingDays = 20,
    };

    static List<string> Fields(FieldViolations violations)
    {
        try { violations.ThrowIfAny(); return []; }
        catch (RpcException e) { return e.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).ToList(); }
    }

    [Fact]
    public void A_complete_penalty_item_is_valid_without_a_service_guide()
    {
        Assert.True(PowerItemValidation.Validate(Request()).IsEmpty);
    }

    [Fact]
    public void Step_limits_may_add_up_to_exactly_the_item_limit_and_the_guide_may_promise_exactly_it()
    {
        var request = Request(PowerCategory.Permit);
        request.Content.ServiceGuide = Guide();
        Assert.True(PowerItemValidation.Validate(request).IsEmpty);

        request.Content.Steps[1].TimeLimitWorkingDays = 16;
        request.Content.ServiceGuide.TimeLimitWorkingDays = 21;
        Assert.Equal(["content.steps", "content.service_guide.time_limit_working_days"], Fields(PowerItemValidation.Validate(request)));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(PowerItemValidation.MaxTimeLimitWorkingDays, true)]
    [InlineData(PowerItemValidation.MaxTimeLimitWorkingDays + 1, false)]
    [InlineData(0, false)]
    public void The_item_time_limit_is_bounded(int days, bool valid)
    {
        var request = Request();
        request.Content.TimeLimitWorkingDays = days;
        request.Content.Steps[0].ClearTimeLimitWorkingDays();
        request.Content.Steps[1].TimeLimitWorkingDays = 1;

        Assert.Equal(valid, PowerItemValidation.Validate(request).IsEmpty);
    }

    [Fact]
    public void A_guide_of_a_non_permit_item_is_still_checked_and_a_fee_needs_its_basis()
    {
        var request = Request(PowerCategory.Confirmation);
        request.Content.ServiceGuide = new PowerItemServiceGuide { TimeLimitWorkingDays = 5, FeeFen = 1_000, Materials = { new PowerItemMaterial() } };

        Assert.Equal(
            ["content.service_guide.accepting_body", "content.service_guide.approving_body", "content.service_guide.conditions",
             "content.service_guide.materials[0].name", "content.service_guide.fee_basis"],
            Fields(PowerItemValidation.Validate(request)));

        request.Content.ServiceGuide = Guide();
        request.Content.ServiceGuide.FeeFen = 1_000;
        request.Content.ServiceGuide.FeeBasis = "《不动产登记收费标准》";
        Assert.True(PowerItemValidation.Validate(request).IsEmpty);
    }

    [Fact]
    public void An_unknown_remedy_kind_or_change_reason_is_refused()
    {
        var request = Request();
        request.Content.RemedyChannels.Add(new RemedyChannel { Kind = RemedyKind.Unspecified, Body = "某机关" });
        request.ChangeReason = (PowerItemChangeReason)77;

        Assert.Equal(["content.remedy_channels[1].kind", "change_reason"], Fields(PowerItemValidation.Validate(request)));
    }

    [Theory]
    [InlineData("CF-001", true)]
    [InlineData("330217.XK_01", true)]
    [InlineData("处罚001", false)]
    [InlineData("CF 001", false)]
    [InlineData("", false)]
    public void Item_codes_are_ascii_letters_digits_and_separators(string code, bool valid)
    {
        var violations = new FieldViolations();
        PowerItemValidation.ItemCode(violations, "item_code", code);
        Assert.Equal(valid, violations.IsEmpty);
    }

    [Fact]
    public void Item_codes_longer_than_the_maximum_are_refused()
    {
        var violations = new FieldViolations();
        PowerItemValidation.ItemCode(violations, "item_code", new string('A', PowerItemValidation.MaxCodeLength + 1));
        Assert.False(violations.IsEmpty);
    }

    [Fact]
    public void Every_proto_category_maps_to_a_distinct_decision_category_and_back()
    {
        var known = Enum.GetValues<PowerCategory>().Where(c => c != PowerCategory.Unspecified).ToList();

        var domain = known.Select(c => PowerItemNames.ToDomain(c)!.Value).ToList();

        Assert.Equal(Enum.GetValues<DecisionCategory>().Order(), domain.Order());
        Assert.All(known, c => Assert.Equal(c, PowerItemNames.ToProto(PowerItemNames.ToDomain(c)!.Value)));
        Assert.All(domain, d => Assert.Equal(d, PowerItemNames.CategoryFromName(PowerItemNames.Name(d))));
        Assert.Null(PowerItemNames.ToDomain(PowerCategory.Unspecified));
        Assert.Null(PowerItemNames.ToDomain((PowerCategory)99));
        Assert.Equal("penalty", PowerItemNames.Name(DecisionCategory.Penalty));
    }

    [Fact]
    public void A_first_version_needs_no_reason_but_a_later_one_does()
    {
        var head = new PowerItemHead(3, PowerItemNames.InForce);

        Assert.True(PowerItemVersioning.ValidateChange(null, PowerItemChangeReason.Unspecified, "").IsEmpty);
        Assert.Equal(["change_reason", "change_note"], Fields(PowerItemVersioning.ValidateChange(head, PowerItemChangeReason.Initial, " ")));
        Assert.True(PowerItemVersioning.ValidateChange(head, PowerItemChangeReason.MandateChanged, "机构改革").IsEmpty);
        Assert.Null(PowerItemVersioning.Refusal(head));
        Assert.NotNull(PowerItemVersioning.Refusal(head with { Status = PowerItemNames.Withdrawn }));
    }

    [Fact]
    public void Versions_count_up_from_one_and_a_withdrawal_keeps_the_content()
    {
        var now = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
        var request = Request();
        request.Content.Name = "  对违法占地的处罚 ";

        var first = PowerItemVersioning.NewVersion(Agency, request.Content, null, PowerItemChangeReason.Unspecified, "", now);
        var fourth = PowerItemVersioning.NewVersion(Agency, request.Content, new PowerItemHead(3, PowerItemNames.InForce), PowerItemChangeReason.LawAmended, " 修订 ", now);
        var withdrawn = PowerItemVersioning.Withdrawal(fourth, PowerItemChangeReason.MandateChanged, "职责划转", now.AddDays(1));

        Assert.Equal((1, PowerItemChangeReason.Initial, "对违法占地的处罚"), (first.Version, first.ChangeReason, first.Content.Name));
        Assert.Equal((4, "修订"), (fourth.Version, fourth.ChangeNote));
        Assert.Equal((5, PowerItemStatus.Withdrawn), (withdrawn.Version, withdrawn.Status));
        Assert.Equal(fourth.Content, withdrawn.Content);
        Assert.Equal(Timestamp.FromDateTimeOffset(now.AddDays(1)), withdrawn.EffectiveFrom);
        Assert.Equal("  对违法占地的处罚 ", request.Content.Name); // the request is not modified
    }

    [Fact]
    public void The_published_event_carries_the_version_and_steps_without_own_limits_as_null()
    {
        var request = Request();
        request.Content.Steps[0].ClearTimeLimitWorkingDays();
        var item = PowerItemVersioning.NewVersion(Agency, request.Content, new PowerItemHead(1, PowerItemNames.InForce),
            PowerItemChangeReason.LawAmended, "修订", DateTimeOffset.UnixEpoch);

        var published = PowerItemEvents.Published(item, Guid.NewGuid());

        Assert.Equal((2, "penalty", "law-amended", Agency), (published.Version, published.Category, published.ChangeReason, published.AgencyCode));
        Assert.Equal([null, 15], published.Steps.Select(s => s.TimeLimitWorkingDays));
        Assert.Equal("PowerItemPublished", published.EventType);
    }

    [Fact]
    public void Page_tokens_round_trip_and_foreign_tokens_are_refused()
    {
        var first = PowerItemStore.ReadPage(new FieldViolations(), 0, "");
        Assert.Equal(Paging.DefaultSize, first.Size);
        Assert.Null(first.AfterKey);

        var token = new PageRequest("power-items", 1, null).Cut(["CF-001", "CF-002"], c => c).NextToken;
        Assert.Equal("CF-001", PowerItemStore.ReadPage(new FieldViolations(), 0, token).AfterKey);
        Assert.Empty(Fields(Check(token)));

        var officersToken = new PageRequest("officers", 1, null).Cut(["CF-001", "CF-002"], c => c).NextToken;
        Assert.Equal(["page_token"], Fields(Check(officersToken))); // a token of another list
        Assert.Equal(["page_token"], Fields(Check("Q0YtMDAx"))); // base64url of "CF-001" without the list's name
        var both = new FieldViolations();
        PowerItemStore.ReadPage(both, 201, "%%%");
        Assert.Equal(["page_size", "page_token"], Fields(both));
    }

    static FieldViolations Check(string token)
    {
        var violations = new FieldViolations();
        PowerItemStore.ReadPage(violations, 0, token);
        return violations;
    }
}
