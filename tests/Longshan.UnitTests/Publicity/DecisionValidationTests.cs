using Google.Rpc;
using Grpc.Core;
using Longshan.Platform.Identifiers;
using Longshan.Publicity.Decisions;
using V1 = Longshan.Contracts.Publicity.V1;

namespace Longshan.UnitTests.Publicity;

public sealed class DecisionValidationTests
{
    static readonly DateOnly Today = new(2026, 11, 27);
    static readonly string AdultId = Id("43313019850612123");
    static readonly string Agency = Code("11433130000000001");

    static string Id(string first17) => first17 + ResidentIdNumber.ComputeCheckCharacter(first17);
    static string Code(string first17) => first17 + UnifiedSocialCreditCode.CheckCharacter(first17);

    static V1.RegisterDecisionRequest Valid() => new()
    {
        RequestId = "r1",
        AgencyCode = Agency,
        CaseNumber = "龙市监罚〔2026〕1号",
        Category = V1.DecisionCategory.Penalty,
        DecisionDate = "2026-11-27",
        Content = new V1.DecisionContent
        {
            Party = new V1.Party { Kind = V1.PartyKind.NaturalPerson, Name = "张三", ResidentIdNumber = AdultId },
            Facts = "销售过期食品",
            LegalBasis = { new V1.LegalBasis { Law = "《中华人民共和国食品安全法》", Article = "第一百二十四条" } },
            Penalties = { new V1.Penalty { Kind = V1.PenaltyKind.Fine, AmountFen = 100_000 } },
            Conclusion = "罚款壹仟元",
        },
    };

    static IEnumerable<string> Fields(V1.RegisterDecisionRequest request)
    {
        var error = Record.Exception(() => DecisionValidation.Validate(request, Today).ThrowIfAny());
        if (error is null) return [];
        return ((RpcException)error).GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field);
    }

    [Fact]
    public void A_complete_request_is_valid() => Assert.Empty(Fields(Valid()));

    [Fact]
    public void A_decision_dated_today_is_accepted_and_tomorrow_is_not()
    {
        var tomorrow = Valid();
        tomorrow.DecisionDate = "2026-11-28";
        var malformed = Valid();
        malformed.DecisionDate = "2026/11/27";

        Assert.Equal(["decision_date"], Fields(tomorrow));
        Assert.Equal(["decision_date"], Fields(malformed));
    }

    [Fact]
    public void Amounts_are_non_negative_fines_state_one_and_only_fines_and_confiscations_have_one()
    {
        var request = Valid();
        request.Content.Penalties.Clear();
        request.Content.Penalties.Add(new V1.Penalty { Kind = V1.PenaltyKind.Fine, AmountFen = 0 });
        request.Content.Penalties.Add(new V1.Penalty { Kind = V1.PenaltyKind.Warning, AmountFen = 500 });
        request.Content.Penalties.Add(new V1.Penalty { Kind = V1.PenaltyKind.ConfiscationOfIllegalGains, AmountFen = -5 });
        request.Content.Penalties.Add(new V1.Penalty { Kind = V1.PenaltyKind.ConfiscationOfIllegalProperty, AmountFen = 0 });
        request.Content.Penalties.Add(new V1.Penalty { Kind = (V1.PenaltyKind)42 });

        Assert.Equal(
            ["content.penalties[0].amount_fen", "content.penalties[1].amount_fen", "content.penalties[2].amount_fen", "content.penalties[4].kind"],
            Fields(request));
    }

    [Fact]
    public void Penalties_belong_to_penalty_decisions_only()
    {
        var permit = Valid();
        permit.Category = V1.DecisionCategory.Permit;
        var emptyPenalty = Valid();
        emptyPenalty.Content.Penalties.Clear();

        Assert.Equal(["content.penalties"], Fields(permit));
        Assert.Equal(["content.penalties"], Fields(emptyPenalty));
    }

    [Fact]
    public void Each_legal_basis_names_the_law_and_the_article()
    {
        var request = Valid();
        request.Content.LegalBasis.Add(new V1.LegalBasis { Law = "《中华人民共和国行政处罚法》" });

        Assert.Equal(["content.legal_basis[1].article"], Fields(request));
    }

    [Fact]
    public void The_party_identifier_matches_its_kind()
    {
        var organisation = Valid();
        organisation.Content.Party.Kind = V1.PartyKind.Organisation;
        organisation.Content.Party.IsMinor = true;
        var unspecified = Valid();
        unspecified.Content.Party.Kind = V1.PartyKind.Unspecified;
        var bothIds = Valid();
        bothIds.Content.Party.CreditCode = Agency;

        Assert.Equal(["content.party.credit_code", "content.party.resident_id_number", "content.party.is_minor"], Fields(organisation));
        Assert.Equal(["content.party.kind"], Fields(unspecified));
        Assert.Equal(["content.party.credit_code"], Fields(bothIds));
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var request = new V1.RegisterDecisionRequest { IsMajor = true };

        Assert.Equal(
            ["request_id", "case_number", "agency_code", "category", "decision_date", "review_clearance_reference", "content"],
            Fields(request));
    }

    [Theory]
    [InlineData("2026-11-26", true)]   // the day before the 18th birthday
    [InlineData("2026-11-27", true)]   // on the birthday itself still 17 (法释〔2006〕1号: 周岁 from the next day)
    [InlineData("2026-11-28", false)]
    public void A_party_is_a_minor_by_the_id_numbers_birth_date_on_the_decision_date(string decisionDate, bool minor)
    {
        var party = new V1.Party { Kind = V1.PartyKind.NaturalPerson, ResidentIdNumber = Id("43313020081127123") };

        Assert.Equal(minor, DecisionValidation.PartyIsMinor(party, DateOnly.Parse(decisionDate), new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void The_agencys_minor_flag_counts_even_without_a_minor_id()
    {
        var party = new V1.Party { Kind = V1.PartyKind.NaturalPerson, ResidentIdNumber = AdultId, IsMinor = true };

        Assert.True(DecisionValidation.PartyIsMinor(party, Today, Today));
    }

    [Fact]
    public void A_withdrawal_needs_a_kind_a_past_revocation_date_and_a_reason()
    {
        var error = Record.Exception(() => DecisionValidation.Validate(
            new V1.WithdrawDecisionRequest { RequestId = "w", RevocationDate = "2026-12-01" }, Today).ThrowIfAny());

        var fields = ((RpcException)error!).GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field);
        Assert.Equal(["reason", "kind", "revocation_date"], fields);
    }
}
