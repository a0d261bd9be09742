using Longshan.Platform.Identifiers;
using Longshan.Publicity.Decisions;
using Longshan.Publicity.Inspections;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.UnitTests.Publicity;

/// <summary>Free texts published next to a decision or an inspection result carry no personal data.</summary>
public sealed class PublicTextMaskingTests
{
    static readonly string AdultId = "43313019850612123" + ResidentIdNumber.ComputeCheckCharacter("43313019850612123");
    static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    static V1.DecisionContent Person(string name) => new()
    {
        Party = new V1.Party { Kind = V1.PartyKind.NaturalPerson, Name = name, ResidentIdNumber = AdultId, HomeAddresses = { "龙山县华塘村3组" } },
        ThirdPartyNames = { "李梅" },
    };

    [Fact]
    public void A_public_text_is_masked_like_the_decisions_texts()
    {
        var text = $" 当事人王小明（{AdultId}，电话0743-6221234，账号6222021234567890123）家住龙山县华塘村3组，其妻李梅患有乙肝。 ";

        var masked = PublicVersions.PublicText(text, RedactionOptions.Default, Person("王小明"));

        Assert.Equal("当事人王**（433130************，电话0743-*******，账号***************0123）家住***，其妻李*患有***。", masked);
    }

    [Fact]
    public void A_change_note_masks_the_names_of_the_previous_and_the_corrected_content()
    {
        var masked = PublicVersions.PublicText("姓名由王晓明更正为王小明", RedactionOptions.Default, Person("王晓明"), Person("王小明"));

        Assert.Equal("姓名由王**更正为王**", masked);
    }

    [Fact]
    public void An_organisations_name_and_credit_code_stay_in_a_public_text()
    {
        var company = new V1.DecisionContent { Party = new V1.Party { Kind = V1.PartyKind.Organisation, Name = "龙山县华塘食品有限公司", CreditCode = "914331301234567890" } };

        var masked = PublicVersions.PublicText("龙山县华塘食品有限公司（914331301234567890）联系人手机13912345678", RedactionOptions.Default, company);

        Assert.Equal("龙山县华塘食品有限公司（914331301234567890）联系人手机139****5678", masked);
    }

    [Fact]
    public void A_revocation_event_carries_the_reason_only_for_a_published_decision()
    {
        var row = new DecisionRow
        {
            DecisionId = Guid.NewGuid(), Revision = 3, AgencyCode = "11433130000000001X", CaseNumber = "龙市监罚〔2026〕7号", RevocationKind = "revoked",
            RevokedOn = new DateOnly(2026, 11, 26), WithdrawalDeadline = new DateOnly(2026, 12, 1),
        };
        var eventId = Guid.NewGuid();

        var published = DecisionEvents.Revoked(row, wasPublished: true, new DateOnly(2026, 11, 27), eventId, Now, "经复议撤销");
        var never = DecisionEvents.Revoked(row, wasPublished: false, new DateOnly(2026, 11, 27), Guid.NewGuid(), Now, "经复议撤销");

        Assert.Equal("经复议撤销", published.Reason);
        Assert.Equal("", never.Reason);
        Assert.Equal((row.DecisionId, "revoked", new DateOnly(2026, 11, 26)), (never.DecisionId, never.RevocationKind, never.RevokedOn));
        Assert.Equal((eventId, 3), (published.EventId, published.Revision));
    }

    [Fact]
    public void An_inspection_result_masks_a_natural_person_targets_name_and_numbers_but_keeps_an_organisations_name()
    {
        var draw = new V1.InspectionDraw
        {
            DrawId = Guid.NewGuid().ToString(), AgencyCode = "11433130000000001X", ItemId = Guid.NewGuid().ToString(), DrawDate = "2026-11-20",
            Targets =
            {
                new V1.DrawTarget { Id = "p1", Name = "张三丰", Kind = V1.TargetKind.NaturalPerson },
                new V1.DrawTarget { Id = "o1", Name = "龙山县张三丰食品有限公司" },
            },
            Assignments = { new V1.TargetAssignment { TargetId = "p1", TargetName = "张三丰" }, new V1.TargetAssignment { TargetId = "o1", TargetName = "龙山县张三丰食品有限公司" } },
        };
        V1.PublishInspectionResultRequest Request(string target) => new()
        {
            DrawId = draw.DrawId, TargetId = target, InspectedOn = "2026-11-21", Outcome = $"张三丰（{AdultId}，13812345678）未亮照经营",
        };

        var person = InspectionResults.ToResult(draw, Request("p1"));
        var organisation = InspectionResults.ToResult(draw, Request("o1"));

        Assert.Equal(("张**", "张**（433130************，138****5678）未亮照经营"), (person.TargetName, person.Outcome));
        Assert.Equal(("龙山县张三丰食品有限公司", "张三丰（433130************，138****5678）未亮照经营"), (organisation.TargetName, organisation.Outcome));
        Assert.Equal(person.Outcome, InspectionResults.ToEvent(person, Guid.NewGuid(), Now).Outcome);
        Assert.Equal("电话138****5678", InspectionResults.ForListing(new V1.InspectionResult { Outcome = "电话13812345678" }).Outcome);
    }
}
