using Longshan.Publicity.Decisions;

namespace Longshan.UnitTests.Publicity;

public sealed class RedactionTests
{
    private static DecisionContent Person(string facts = "", string result = "") => new()
    {
        PartyKind = PartyKind.NaturalPerson,
        PartyName = "张三丰",
        PartyIdentifier = "11010519491231002X",
        Facts = facts,
        LegalBasis = "《中华人民共和国食品安全法》第一百二十二条",
        Result = result,
    };

    private static DecisionContent Company(string facts = "") => new()
    {
        PartyKind = PartyKind.Organisation,
        PartyName = "龙山县某某食品有限公司",
        PartyIdentifier = "914312301234567890",
        Facts = facts,
    };

    [Fact]
    public void Minor_party_is_never_published()
    {
        var decision = Person() with { PartyIsMinor = true };
        var eligibility = Redaction.Assess(decision);
        Assert.False(eligibility.MayPublish);
        Assert.Equal([NonPublicationReason.PartyIsMinor], eligibility.Reasons);
        Assert.Throws<InvalidOperationException>(() => Redaction.Redact(decision));
    }

    [Fact]
    public void Secrets_and_privacy_are_never_published_and_every_reason_is_given()
    {
        var decision = Company() with { InvolvesStateSecret = true, InvolvesCommercialSecret = true, InvolvesPersonalPrivacy = true };
        var eligibility = Redaction.Assess(decision);
        Assert.Equal(
            [NonPublicationReason.StateSecret, NonPublicationReason.CommercialSecret, NonPublicationReason.PersonalPrivacy],
            eligibility.Reasons);
        Assert.Contains("APL art. 50", eligibility.Describe(), StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Redaction.Redact(decision));
    }

    [Theory]
    [InlineData(true, false, false, NonPublicationReason.StateSecret)]
    [InlineData(false, true, false, NonPublicationReason.CommercialSecret)]
    [InlineData(false, false, true, NonPublicationReason.PersonalPrivacy)]
    public void Each_secret_flag_blocks_publication(bool state, bool commercial, bool privacy, NonPublicationReason reason)
    {
        var decision = Person() with { InvolvesStateSecret = state, InvolvesCommercialSecret = commercial, InvolvesPersonalPrivacy = privacy };
        Assert.Equal([reason], Redaction.Assess(decision).Reasons);
    }

    [Fact]
    public void Ordinary_decision_is_publishable()
    {
        Assert.True(Redaction.Assess(Person()).MayPublish);
    }

    [Fact]
    public void Natural_person_keeps_surname_and_masked_id()
    {
        var redacted = Redaction.Redact(Person("当事人张三丰于2024年3月1日在龙山县某市场销售过期食品。"));
        Assert.Equal("张**", redacted.PartyName);
        Assert.Equal("110105************", redacted.PartyIdentifier);
        Assert.Equal("当事人张**于2024年3月1日在龙山县某市场销售过期食品。", redacted.Facts);
    }

    [Fact]
    public void Id_numbers_in_text_are_masked()
    {
        var redacted = Redaction.Redact(Person("证人身份证号码430102200802291239，旧证号430102800229123。"));
        Assert.Equal("证人身份证号码430102************，旧证号430102*********。", redacted.Facts);
    }

    [Theory]
    [InlineData("联系电话13812345678。", "联系电话138****5678。")]
    [InlineData("电话：+86 139-1234-5678，", "电话：+86 139-****-5678，")]
    [InlineData("座机0731-12345678。", "座机0731-********。")]
    [InlineData("座机（0743）8212345转办公室", "座机（0743）*******转办公室")]
    public void Phone_numbers_are_masked(string facts, string expected)
    {
        Assert.Equal(expected, Redaction.Redact(Person(facts)).Facts);
    }

    [Fact]
    public void Home_addresses_are_masked()
    {
        var decision = Person("当事人住址：湖南省龙山县民安街道某某路8号，家住县城东门口；另于龙山县兴隆街12号经营。") with
        {
            KnownHomeAddresses = ["龙山县兴隆街12号"],
        };
        Assert.Equal("当事人住址：***，家住***；另于***经营。", Redaction.Redact(decision).Facts);
    }

    [Fact]
    public void Natural_person_domicile_is_masked()
    {
        Assert.Equal("住所：***。", Redaction.Redact(Person("住所：湖南省龙山县华塘街道1号。")).Facts);
    }

    [Fact]
    public void Bank_accounts_are_masked_for_a_natural_person()
    {
        var redacted = Redaction.Redact(Person("退款账户6222021234567890123。"));
        Assert.Equal("退款账户***************0123。", redacted.Facts);
    }

    [Fact]
    public void Legal_person_keeps_name_credit_code_and_domicile_but_not_bank_account()
    {
        var redacted = Redaction.Redact(Company(
            "当事人龙山县某某食品有限公司（统一社会信用代码914312301234567890，住所：龙山县民安街道1号）基本账户6228 4800 1234 5678 901。"));
        Assert.Equal("龙山县某某食品有限公司", redacted.PartyName);
        Assert.Equal("914312301234567890", redacted.PartyIdentifier);
        Assert.Equal(
            "当事人龙山县某某食品有限公司（统一社会信用代码914312301234567890，住所：龙山县民安街道1号）基本账户**** **** **** ***8 901。",
            redacted.Facts);
    }

    [Fact]
    public void Legal_person_decision_still_masks_natural_persons_data()
    {
        var decision = Company("法定代表人王五，身份证号码11010519491231002X，住址：龙山县某村3组，手机13912345678。") with
        {
            ThirdPartyNames = ["王五"],
        };
        Assert.Equal(
            "法定代表人王*，身份证号码110105************，住址：***，手机139****5678。",
            Redaction.Redact(decision).Facts);
    }

    [Fact]
    public void Health_terms_are_masked_with_configurable_list()
    {
        var facts = "当事人经诊断为乙型肝炎病毒携带者，仍从事直接入口食品工作，另患有高血压。";
        Assert.Equal("当事人经诊断为***，仍从事直接入口食品工作，另患有高血压。", Redaction.Redact(Person(facts)).Facts);

        var options = new RedactionOptions { HealthTerms = [.. RedactionOptions.Default.HealthTerms, "高血压"] };
        Assert.Equal("当事人经诊断为***，仍从事直接入口食品工作，另患有***。", Redaction.Redact(Person(facts), options).Facts);
    }

    [Fact]
    public void Health_terms_match_latin_case_insensitively()
    {
        Assert.Equal("检测结果为***阳性。", Redaction.Redact(Person("检测结果为hiv阳性。")).Facts);
    }

    [Fact]
    public void Third_party_names_are_masked_in_every_text()
    {
        var decision = Person("证人李四、欧阳娜娜证实。", "没收李四代为保管的货物。") with { ThirdPartyNames = ["李四", "欧阳娜娜"] };
        var redacted = Redaction.Redact(decision);
        Assert.Equal("证人李*、欧***证实。", redacted.Facts);
        Assert.Equal("没收李*代为保管的货物。", redacted.Result);
    }

    [Fact]
    public void Redaction_is_deterministic()
    {
        var decision = Person("当事人张三丰，电话13812345678，住址：龙山县1号。") with { ThirdPartyNames = ["李四"] };
        Assert.Equal(Redaction.Redact(decision), Redaction.Redact(decision));
    }

    [Theory]
    [InlineData("张三", "张*")]
    [InlineData("张三丰", "张**")]
    [InlineData("张", "*")]
    [InlineData("𠮷田", "𠮷*")]
    public void MaskName_keeps_the_first_character(string name, string expected)
    {
        Assert.Equal(expected, PersonalDataMasks.MaskName(name));
    }
}
