using Longshan.Platform.Identifiers;
using Longshan.Platform.Legal;
using Longshan.Publicity.Decisions;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.UnitTests.Publicity;

public sealed class DecisionPublicVersionTests
{
    static readonly string AdultId = "43313019850612123" + ResidentIdNumber.ComputeCheckCharacter("43313019850612123");
    static readonly DateTimeOffset Now = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    static readonly DecisionRow Row = new()
    {
        DecisionId = Guid.NewGuid(), AgencyCode = "11433130000000001X", CaseNumber = "龙市监罚〔2026〕7号", Category = "penalty",
        DecisionDate = new DateOnly(2026, 11, 20), PartyKind = DecisionNames.NaturalPerson,
    };

    static V1.DecisionContent Content() => new()
    {
        Party = new V1.Party { Kind = V1.PartyKind.NaturalPerson, Name = "王小明", ResidentIdNumber = AdultId, HomeAddresses = { "龙山县华塘村3组" } },
        Facts = $"当事人王小明（{AdultId}，电话0743-6221234）家住龙山县华塘村3组，其银行账号6222 0212 3456 7890 123收取货款；其妻李梅患有乙肝。",
        LegalBasis = { new V1.LegalBasis { Law = "《中华人民共和国食品安全法》", Article = "第一百二十二条" } },
        Penalties = { new V1.Penalty { Kind = V1.PenaltyKind.Warning }, new V1.Penalty { Kind = V1.PenaltyKind.PermitRevocation }, new V1.Penalty { Kind = V1.PenaltyKind.Fine, AmountFen = 1 } },
        Conclusion = "对王小明吊销许可证件，罚款",
        ThirdPartyNames = { "李梅" },
    };

    [Fact]
    public void The_public_version_keeps_no_personal_data_of_the_original()
    {
        var decision = PublicVersions.Build(Row, Content(), false, "龙山县市场监督管理局", 1, Now, Now, RedactionOptions.Default);
        var text = Google.Protobuf.JsonFormatter.Default.Format(decision) + PublicVersions.SearchText(decision);

        foreach (var secret in new[] { AdultId, "王小明", "6221234", "华塘村3组", "李梅", "乙肝", "7890 123" })
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.Equal("王**", decision.Party.Name);
        Assert.Equal("433130************", decision.Party.Identifier);
        Assert.Equal("对王**吊销许可证件，罚款", decision.Conclusion);
        Assert.Equal("2026-11-20", decision.DecisionDate);
        Assert.Equal(V1.DecisionCategory.Penalty, decision.Category);
    }

    [Fact]
    public void An_organisations_name_and_credit_code_stay_public()
    {
        var content = Content();
        content.Party = new V1.Party { Kind = V1.PartyKind.Organisation, Name = "龙山县华塘食品有限公司", CreditCode = "91433130mA4L0000XX" };
        content.Facts = "当事人龙山县华塘食品有限公司（91433130MA4L0000XX）销售过期食品。";

        var decision = PublicVersions.Build(Row, content, false, "", 1, Now, Now, RedactionOptions.Default);

        Assert.Equal("龙山县华塘食品有限公司", decision.Party.Name);
        Assert.Equal("91433130MA4L0000XX", decision.Party.Identifier);
        Assert.Contains("91433130MA4L0000XX", decision.Facts, StringComparison.Ordinal);
    }

    [Fact]
    public void A_withdrawn_view_shows_the_withdrawal_and_none_of_the_content()
    {
        var current = PublicVersions.Build(Row, Content(), false, "龙山县市场监督管理局", 2, Now, Now, RedactionOptions.Default);
        var withdrawal = new V1.PublicWithdrawal { Kind = V1.RevocationKind.ConfirmedVoid, RevocationDate = "2026-11-26", Reason = "确认无效" };

        var withdrawn = PublicVersions.Withdrawn(current, withdrawal);

        Assert.True(withdrawn.Withdrawn);
        Assert.Equal("确认无效", withdrawn.Withdrawal.Reason);
        Assert.Equal((current.CaseNumber, current.AgencyName, current.Version), (withdrawn.CaseNumber, withdrawn.AgencyName, withdrawn.Version));
        Assert.Equal(("", "", "", 0, 0), (withdrawn.Party.Name, withdrawn.Facts, withdrawn.Conclusion, withdrawn.Penalties.Count, withdrawn.LegalBasis.Count));
        Assert.Contains("确认无效", PublicVersions.SearchText(withdrawn), StringComparison.Ordinal);
    }

    [Fact]
    public void The_most_severe_penalty_follows_the_statistics_order()
    {
        Assert.Equal("permit-revocation", PublicVersions.MostSevere(Content().Penalties, PenaltySeverity.Default));
        Assert.Equal("administrative-detention", PublicVersions.MostSevere([new V1.Penalty { Kind = V1.PenaltyKind.AdministrativeDetention }, new V1.Penalty { Kind = V1.PenaltyKind.Fine }], PenaltySeverity.Default));
        Assert.Null(PublicVersions.MostSevere([], PenaltySeverity.Default));
    }

    [Fact]
    public void The_public_event_payload_is_the_public_version()
    {
        var decision = PublicVersions.Build(Row, Content(), false, "龙山县市场监督管理局", 1, Now, Now, RedactionOptions.Default);

        var payload = PublicVersions.ToEvent(decision);

        Assert.Equal((decision.Party.Name, decision.Facts, "penalty", DecisionNames.NaturalPerson), (payload.PartyName, payload.Facts, payload.Category, payload.PartyKind));
        Assert.Equal(["warning", "permit-revocation", "fine"], payload.Penalties.Select(p => p.Kind));
        Assert.DoesNotContain(AdultId, System.Text.Json.JsonSerializer.Serialize(payload), StringComparison.Ordinal);
    }
}
