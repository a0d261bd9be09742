using Google.Protobuf;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Platform.Identifiers;
using Longshan.Publicity.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using DeadlineWatch = Longshan.Publicity.Decisions.DeadlineWatch;

namespace Longshan.Publicity.Tests.Decisions;

/// <summary>Requests, identities and helpers shared by the decision tests.</summary>
static class DecisionData
{
    /// <summary>A valid resident ID number: 433130 (龙山县), born 1985-06-12.</summary>
    public static readonly string AdultId = WithCheck("43313019850612123");

    /// <summary>A valid resident ID number of a minor: born 2010-03-05 (16 in 2026).</summary>
    public static readonly string MinorId = WithCheck("43313020100305124");

    public const string Phone = "13812345678";
    public const string HomeAddress = "龙山县民安街道华塘社区12号";
    public const string Witness = "李四";

    public static string WithCheck(string first17) => first17 + ResidentIdNumber.ComputeCheckCharacter(first17);

    /// <summary>A penalty decision on a natural person, with personal data in the facts.</summary>
    public static RegisterDecisionRequest Penalty(string agencyCode, string decisionDate = "2026-11-27", string? caseNumber = null) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        AgencyCode = agencyCode,
        CaseNumber = caseNumber ?? $"龙市监罚〔2026〕{Random.Shared.Next(1_000_000)}号",
        Category = DecisionCategory.Penalty,
        DecisionDate = decisionDate,
        Content = new DecisionContent
        {
            Party = new Party { Kind = PartyKind.NaturalPerson, Name = "张三丰", ResidentIdNumber = AdultId, HomeAddresses = { HomeAddress } },
            Facts = $"当事人张三丰（身份证号码{AdultId}，联系电话{Phone}，住址：{HomeAddress}）于2026年9月20日在其经营的店铺销售超过保质期的食品，证人{Witness}在场。",
            LegalBasis = { new LegalBasis { Law = "《中华人民共和国食品安全法》", Article = "第一百二十四条第一款第（一）项" } },
            Penalties = { new Penalty { Kind = PenaltyKind.Fine, AmountFen = 500_000 }, new Penalty { Kind = PenaltyKind.ConfiscationOfIllegalGains, AmountFen = 12_000 } },
            Conclusion = "罚款人民币伍仟元，没收违法所得壹佰贰拾元",
            ThirdPartyNames = { Witness },
        },
    };

    /// <summary>A permit decision for an organisation.</summary>
    public static RegisterDecisionRequest Permit(string agencyCode, string decisionDate = "2026-11-27")
    {
        var request = Penalty(agencyCode, decisionDate);
        request.CaseNumber = $"龙市监许〔2026〕{Random.Shared.Next(1_000_000)}号";
        request.Category = DecisionCategory.Permit;
        request.Content = new DecisionContent
        {
            Party = new Party { Kind = PartyKind.Organisation, Name = "龙山县华塘食品有限公司", CreditCode = CreditCodes.New() },
            Facts = "申请人申请食品经营许可，经审查符合法定条件。",
            LegalBasis = { new LegalBasis { Law = "《中华人民共和国行政许可法》", Article = "第三十八条第一款" } },
            Conclusion = "准予行政许可",
        };
        return request;
    }

    /// <summary>Registers a new agency and returns its credit code.</summary>
    public static Task<string> NewAgencyAsync(PublicityApp app, string name = "龙山县市场监督管理局") => app.RegisterAgencyAsync(name);

    public static PublishDecisionRequest Publish(string decisionId) => new() { RequestId = Guid.NewGuid().ToString(), DecisionId = decisionId };

    public static string Json(IMessage message) => JsonFormatter.Default.Format(message);

    public static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    /// <summary>
    /// Moves the clock and waits (real time) until the watch has swept at the new time. It first waits for a finished
    /// sweep: from then on the watch's next wait is armed on the clock, so the move surely wakes it.
    /// </summary>
    public static async Task MoveClockAndSweepAsync(PublicityApp app, DateTimeOffset target)
    {
        var watch = app.Services.GetRequiredService<DeadlineWatch>();
        await Eventually.HoldsAsync(() => Task.FromResult(watch.LastSweepAt is not null), "the first sweep");
        app.Clock.SetUtcNow(target);
        await Eventually.HoldsAsync(() => Task.FromResult(watch.LastSweepAt >= target), $"a sweep at {target}");
    }
}
