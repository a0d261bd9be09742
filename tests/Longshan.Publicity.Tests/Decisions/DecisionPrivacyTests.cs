using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Decisions.DecisionData;

namespace Longshan.Publicity.Tests.Decisions;

/// <summary>Free texts published with a decision (change note, withdrawal reason) are masked like its public version.</summary>
public sealed class DecisionPrivacyTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    /// <summary>Contains the party's ID number, a phone number, the witness and the party's name.</summary>
    static readonly string PersonalText = $"当事人张三丰（身份证号码{AdultId}）来电{Phone}申请，证人{Witness}已确认";

    [Fact]
    public async Task A_change_note_is_masked_in_the_public_history_the_search_text_and_the_event()
    {
        var agency = await NewAgencyAsync(app);
        var request = Penalty(agency);
        request.Content.Party.Name = "张三风";
        request.Content.Facts = request.Content.Facts.Replace("张三丰", "张三风", StringComparison.Ordinal);
        var id = await PublishedAsync(request);
        var corrected = Penalty(agency).Content;

        await client.UpdateDecisionAsync(new UpdateDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), DecisionId = id, Content = corrected,
            ChangeNote = $"当事人姓名由张三风更正为张三丰；{PersonalText}",
        }, TestTokens.Bearer(agency));
        var got = await client.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = id });

        Assert.Equal("当事人姓名由张**更正为张**；当事人张**（身份证号码433130************）来电138****5678申请，证人李*已确认", got.History[1].ChangeNote);
        AssertNoPersonalData(Json(got));
        await AssertNothingStoredOrSentAsync(id, "DecisionUpdated");
    }

    [Fact]
    public async Task A_withdrawal_reason_is_masked_in_the_public_view_the_search_and_the_event()
    {
        var agency = await NewAgencyAsync(app);
        var id = await PublishedAsync(Penalty(agency, "2026-11-20"));

        var withdrawn = await client.WithdrawDecisionAsync(Withdraw(id, $"经行政复议撤销；{PersonalText}"), TestTokens.Bearer(agency));
        var got = await client.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = id });
        var found = await client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { AgencyCode = agency, Keyword = "行政复议" });
        var byId = await client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { Keyword = AdultId });

        Assert.Equal("经行政复议撤销；当事人张**（身份证号码433130************）来电138****5678申请，证人李*已确认", got.Decision.Withdrawal.Reason);
        Assert.Equal(id, Assert.Single(found.Decisions).DecisionId);
        Assert.Empty(byId.Decisions);
        foreach (var output in new[] { Json(withdrawn), Json(got), Json(found) }) AssertNoPersonalData(output);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionRevoked' AND body LIKE @id AND body LIKE '%433130************%'", new { id = $"%{id}%" }));
        await AssertNothingStoredOrSentAsync(id, "DecisionRevoked");
    }

    [Fact]
    public async Task The_revocation_of_a_decision_never_published_carries_no_reason()
    {
        var agency = await NewAgencyAsync(app);
        var minors = Penalty(agency, "2026-11-20");
        minors.Content.Party.ResidentIdNumber = MinorId;
        var id = (await client.RegisterDecisionAsync(minors, TestTokens.Bearer(agency))).Decision.DecisionId;

        await client.WithdrawDecisionAsync(Withdraw(id, $"{PersonalText}，未成年人{MinorId}"), TestTokens.Bearer(agency));

        var pattern = new { id = $"%{id}%" };
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionRevoked' AND body LIKE @id AND body LIKE '%\"reason\":\"\"%' AND body LIKE '%\"wasPublished\":false%'", pattern));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE body LIKE @id AND (body LIKE @minor OR body LIKE @phone)",
            new { id = $"%{id}%", minor = $"%{MinorId}%", phone = $"%{Phone}%" }));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE agency_code = @agency", new { agency }));
    }

    /// <summary>A company's 14-digit account after its label, grouped by hyphens; personal data in the legal basis.</summary>
    public const string Account = "6217-0023-4567-89";

    public static RegisterDecisionRequest WithAccountAndBasis(string agency)
    {
        var request = Penalty(agency);
        request.Content.Facts += $"违法所得已汇入开户行：中国建设银行龙山支行，账号：{Account}。";
        request.Content.LegalBasis.Add(new LegalBasis { Law = $"《龙山县市场监督管理局约谈记录》（证人{Witness}，电话{Phone}）", Article = $"第三条（身份证号码{AdultId}）" });
        return request;
    }

    [Fact]
    public async Task A_labelled_account_of_any_length_and_the_legal_basis_are_masked_on_the_public_version_the_search_and_the_event()
    {
        var agency = await NewAgencyAsync(app);
        var id = await PublishedAsync(WithAccountAndBasis(agency));

        var got = await client.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = id });
        var byAccount = await client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { Keyword = "0023-4567" });

        Assert.Contains("账号：****-****-**67-89", got.Decision.Facts);
        Assert.Equal("《龙山县市场监督管理局约谈记录》（证人李*，电话138****5678）", got.Decision.LegalBasis[1].Law);
        Assert.Equal("第三条（身份证号码433130************）", got.Decision.LegalBasis[1].Article);
        Assert.Empty(byAccount.Decisions);
        AssertNoPersonalData(Json(got));
        Assert.DoesNotContain("0023-4567", Json(got), StringComparison.Ordinal);
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE body LIKE @id AND body LIKE '%0023-4567%'", new { id = $"%{id}%" }));
        await AssertNothingStoredOrSentAsync(id, "DecisionPublished");
    }

    static WithdrawDecisionRequest Withdraw(string id, string reason) => new()
    {
        RequestId = Guid.NewGuid().ToString(), DecisionId = id, Kind = RevocationKind.Revoked, RevocationDate = "2026-11-26", Reason = reason,
    };

    static void AssertNoPersonalData(string output)
    {
        Assert.DoesNotContain(AdultId, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, output, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Witness, output, StringComparison.Ordinal);
    }

    /// <summary>Neither the public tables nor the event (bodies are JSON: digits appear as written) hold the ID or phone number.</summary>
    async Task AssertNothingStoredOrSentAsync(string id, string eventType)
    {
        var pattern = new { id = $"%{id}%", id2 = id, pid = $"%{AdultId}%", phone = $"%{Phone}%", eventType };
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = @eventType AND body LIKE @id", pattern));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE body LIKE @id AND (body LIKE @pid OR body LIKE @phone)", pattern));
        Assert.NotEqual(0, await app.CountAsync("SELECT COUNT(*) FROM public_decision_versions WHERE decision_id = @id2", pattern));
        Assert.Equal(0, await app.CountAsync(
            "SELECT COUNT(*) FROM public_decision_versions WHERE decision_id = @id2 AND (change_note LIKE @pid OR change_note LIKE @phone OR body LIKE @pid)", pattern));
        Assert.Equal(0, await app.CountAsync(
            "SELECT COUNT(*) FROM public_decisions p JOIN public_decision_bodies b ON b.decision_id = p.decision_id WHERE p.decision_id = @id2 AND (p.search_text LIKE @pid OR p.search_text LIKE @phone OR b.body LIKE @pid OR b.body LIKE @phone)", pattern));
    }

    async Task<string> PublishedAsync(RegisterDecisionRequest request)
    {
        var id = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(request.AgencyCode))).Decision.DecisionId;
        await client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(request.AgencyCode));
        return id;
    }
}
