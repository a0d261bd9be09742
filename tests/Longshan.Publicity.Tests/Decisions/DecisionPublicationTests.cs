using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using static Longshan.Publicity.Tests.Decisions.DecisionData;

namespace Longshan.Publicity.Tests.Decisions;

public sealed class DecisionPublicationTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    [Fact]
    public async Task The_public_version_masks_personal_data_and_no_public_output_contains_the_original_id_number()
    {
        var agency = await NewAgencyAsync(app);
        var request = Penalty(agency);
        var id = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(agency))).Decision.DecisionId;

        var published = await client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency));
        var got = await client.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = id });
        var found = await client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { AgencyCode = agency, Keyword = "保质期" });

        Assert.True(published.OnTime);
        var decision = got.Decision;
        Assert.Equal("张**", decision.Party.Name);
        Assert.Equal("433130************", decision.Party.Identifier);
        Assert.Contains("138****5678", decision.Facts, StringComparison.Ordinal);
        Assert.Contains("住址：***", decision.Facts, StringComparison.Ordinal);
        Assert.Contains("证人李*在场", decision.Facts, StringComparison.Ordinal);
        Assert.Equal("龙山县市场监督管理局", decision.AgencyName);
        Assert.Equal([500_000L, 12_000L], decision.Penalties.Select(p => p.AmountFen));
        Assert.Equal(id, Assert.Single(found.Decisions).DecisionId);
        foreach (var output in new[] { Json(published), Json(got), Json(found) })
        {
            Assert.DoesNotContain(AdultId, output, StringComparison.Ordinal);
            Assert.DoesNotContain("19850612", output, StringComparison.Ordinal);
            Assert.DoesNotContain(Phone, output, StringComparison.Ordinal);
            Assert.DoesNotContain("张三丰", output, StringComparison.Ordinal);
            Assert.DoesNotContain(HomeAddress, output, StringComparison.Ordinal);
        }

        // Nothing public holds it either: the public tables and the public event.
        var pattern = new { pid = $"%{AdultId}%", id };
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM public_decisions p JOIN public_decision_bodies b ON b.decision_id = p.decision_id WHERE b.body LIKE @pid OR p.search_text LIKE @pid", pattern));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM public_decision_versions WHERE body LIKE @pid", pattern));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionPublished' AND body LIKE '%' || @id || '%' AND body NOT LIKE @pid", pattern));
        // A search for the party's real name finds nothing: it is not in the public text.
        Assert.Empty((await client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { Keyword = "张三丰" })).Decisions);
    }

    [Fact]
    public async Task A_minors_decision_is_never_published_whether_flagged_or_known_from_the_id_number()
    {
        var agency = await NewAgencyAsync(app);
        var byId = Penalty(agency);
        byId.Content.Party.ResidentIdNumber = MinorId;
        var flagged = Penalty(agency);
        flagged.Content.Party.IsMinor = true;

        foreach (var request in new[] { byId, flagged })
        {
            var registered = await client.RegisterDecisionAsync(request, TestTokens.Bearer(agency));
            Assert.False(registered.Decision.Publishable);
            Assert.Contains("minor", Assert.Single(registered.Decision.NonPublicationReasons), StringComparison.Ordinal);

            var error = await FailsAsync(client.PublishDecisionAsync(Publish(registered.Decision.DecisionId), TestTokens.Bearer(agency)));

            Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
            var violation = error.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0];
            Assert.Equal("decision-not-publishable", violation.Type);
            Assert.Contains("未成年人保护法", violation.Description, StringComparison.Ordinal);
            Assert.Contains("minor", violation.Description, StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM public_decisions WHERE agency_code = @agency", new { agency }));
    }

    [Fact]
    public async Task Secrets_and_privacy_block_publication_with_the_rule_named()
    {
        var agency = await NewAgencyAsync(app);
        var request = Permit(agency);
        request.Content.InvolvesCommercialSecret = true;
        var id = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(agency))).Decision.DecisionId;

        var error = await FailsAsync(client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency)));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("commercial secret (APL art. 50", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_publishes_a_new_version_and_keeps_the_history()
    {
        var agency = await NewAgencyAsync(app);
        var request = Penalty(agency);
        var id = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(agency))).Decision.DecisionId;
        await client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency));
        var corrected = request.Content.Clone();
        corrected.Conclusion = "罚款人民币肆仟元，没收违法所得壹佰贰拾元";
        corrected.Penalties[0].AmountFen = 400_000;

        var updated = await client.UpdateDecisionAsync(new UpdateDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), DecisionId = id, Content = corrected, ChangeNote = "罚款金额更正",
        }, TestTokens.Bearer(agency));
        var got = await client.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = id });

        Assert.Equal(2, updated.Decision.PublicVersion);
        Assert.Equal(2, updated.Decision.ContentVersion);
        Assert.Equal(2, got.Decision.Version);
        Assert.Equal(400_000, got.Decision.Penalties[0].AmountFen);
        Assert.Equal([1, 2], got.History.Select(v => v.Version));
        Assert.Equal(500_000, got.History[0].Content.Penalties[0].AmountFen);
        Assert.Equal("罚款金额更正", got.History[1].ChangeNote);
        Assert.Equal(got.History[0].Content.FirstPublishedAt, got.Decision.FirstPublishedAt);
        Assert.DoesNotContain(AdultId, Json(got), StringComparison.Ordinal);
        Assert.Equal(2, await app.CountAsync("SELECT COUNT(*) FROM decision_originals WHERE decision_id = @id", new { id }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionUpdated' AND body LIKE @id", new { id = $"%{id}%" }));
    }

    [Fact]
    public async Task A_withdrawal_keeps_the_withdrawn_state_and_reason_public_and_takes_the_content_down()
    {
        var agency = await NewAgencyAsync(app);
        var id = (await client.RegisterDecisionAsync(Penalty(agency, "2026-11-20"), TestTokens.Bearer(agency))).Decision.DecisionId;
        await client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency));

        var withdrawn = await client.WithdrawDecisionAsync(new WithdrawDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), DecisionId = id, Kind = RevocationKind.Revoked, RevocationDate = "2026-11-26",
            Reason = "经行政复议，龙山县人民政府撤销该处罚决定",
        }, TestTokens.Bearer(agency));
        var got = await client.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = id });
        var found = await client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { AgencyCode = agency });
        var again = await FailsAsync(client.WithdrawDecisionAsync(new WithdrawDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), DecisionId = id, Kind = RevocationKind.Revoked, RevocationDate = "2026-11-26", Reason = "再次",
        }, TestTokens.Bearer(agency)));

        // 2026-11-26 (Thu) + 3 working days (APL art. 48): 11-27, 11-30, 12-01.
        Assert.Equal("2026-12-01", withdrawn.Decision.WithdrawalDeadline);
        Assert.True(withdrawn.OnTime);
        Assert.Equal(DecisionStatus.Withdrawn, withdrawn.Decision.Status);
        Assert.True(got.Decision.Withdrawn);
        Assert.Equal("经行政复议，龙山县人民政府撤销该处罚决定", got.Decision.Withdrawal.Reason);
        Assert.Equal("2026-11-26", got.Decision.Withdrawal.RevocationDate);
        Assert.Equal("", got.Decision.Facts);
        Assert.Equal("", got.Decision.Party.Name);
        Assert.All(got.History, v => Assert.Null(v.Content));
        var listed = Assert.Single(found.Decisions);
        Assert.True(listed.Withdrawn);
        Assert.Equal(RevocationKind.Revoked, listed.Withdrawal.Kind);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM public_decision_versions WHERE decision_id = @id", new { id }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionRevoked' AND body LIKE @id", new { id = $"%{id}%" }));
    }

    [Fact]
    public async Task Each_change_of_a_decision_raises_its_event_with_the_revision_it_stored()
    {
        var agency = await NewAgencyAsync(app);
        var request = Penalty(agency, "2026-11-20");
        var id = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(agency))).Decision.DecisionId;
        Assert.Equal(1, await RevisionAsync(id));
        await client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency));
        Assert.Equal(2, await RevisionAsync(id));
        var corrected = request.Content.Clone();
        corrected.Penalties[0].AmountFen = 400_000;
        await client.UpdateDecisionAsync(new UpdateDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), DecisionId = id, Content = corrected, ChangeNote = "罚款金额更正",
        }, TestTokens.Bearer(agency));
        Assert.Equal(3, await RevisionAsync(id));
        await client.WithdrawDecisionAsync(new WithdrawDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), DecisionId = id, Kind = RevocationKind.Revoked, RevocationDate = "2026-11-26", Reason = "经行政复议撤销",
        }, TestTokens.Bearer(agency));
        Assert.Equal(4, await RevisionAsync(id));

        // The outbox does not promise order: a subscriber keeps the event with the highest revision per decision.
        Assert.Equal(1, await EventRevisionAsync("DecisionRegistered", id));
        Assert.Equal(2, await EventRevisionAsync("DecisionPublished", id));
        Assert.Equal(3, await EventRevisionAsync("DecisionUpdated", id));
        Assert.Equal(4, await EventRevisionAsync("DecisionRevoked", id));
    }

    [Fact]
    public async Task A_correction_before_publication_counts_as_a_revision_but_raises_no_event()
    {
        var agency = await NewAgencyAsync(app);
        var request = Penalty(agency);
        var id = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(agency))).Decision.DecisionId;
        var corrected = request.Content.Clone();
        corrected.Conclusion = "罚款人民币肆仟元，没收违法所得壹佰贰拾元";
        corrected.Penalties[0].AmountFen = 400_000;

        await client.UpdateDecisionAsync(new UpdateDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), DecisionId = id, Content = corrected, ChangeNote = "罚款金额更正",
        }, TestTokens.Bearer(agency));
        await client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency));

        Assert.Equal(3, await RevisionAsync(id));
        Assert.Equal(0, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'DecisionUpdated' AND json_extract(body, '$.decisionId') = @id", new { id }));
        Assert.Equal(3, await EventRevisionAsync("DecisionPublished", id));
    }

    [Fact]
    public async Task Search_filters_by_agency_category_date_and_keyword_and_pages_newest_first()
    {
        var agency = await NewAgencyAsync(app);
        var other = await NewAgencyAsync(app, "龙山县交通运输局");
        var dates = new[] { "2026-11-02", "2026-11-10", "2026-11-10", "2026-11-16", "2026-11-25" };
        var ids = new List<string>();
        foreach (var date in dates)
            ids.Add(await PublishedAsync(Penalty(agency, date)));
        var permit = await PublishedAsync(Permit(agency, "2026-11-12"));
        await PublishedAsync(Penalty(other, "2026-11-12"));

        var pages = new List<SearchPublicDecisionsResponse>();
        var token = "";
        do
        {
            var page = await client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest
            {
                AgencyCode = agency, Category = DecisionCategory.Penalty, PageSize = 2, PageToken = token,
            });
            pages.Add(page);
            token = page.NextPageToken;
        }
        while (token != "");
        var byDate = await client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { AgencyCode = agency, DecidedFrom = "2026-11-10", DecidedTo = "2026-11-12" });
        var byCategory = await client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { Category = DecisionCategory.Permit, Keyword = "食品经营许可" });
        var bad = await FailsAsync(client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { PageToken = "not-a-token", PageSize = 500 }));

        var listed = pages.SelectMany(p => p.Decisions).ToList();
        Assert.Equal(3, pages.Count);
        Assert.Equal(5, listed.Select(d => d.DecisionId).Distinct().Count());
        Assert.Equal(ids.ToHashSet(), listed.Select(d => d.DecisionId).ToHashSet());
        Assert.Equal(listed.Select(d => d.DecisionDate).OrderDescending(), listed.Select(d => d.DecisionDate));
        Assert.Equal(["2026-11-12", "2026-11-10", "2026-11-10"], byDate.Decisions.Select(d => d.DecisionDate));
        Assert.Equal(permit, Assert.Single(byCategory.Decisions, d => d.AgencyCode == agency).DecisionId);
        Assert.Equal(["page_size", "page_token"], bad.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_decision_that_is_not_published_is_not_public()
    {
        var agency = await NewAgencyAsync(app);
        var id = (await client.RegisterDecisionAsync(Penalty(agency), TestTokens.Bearer(agency))).Decision.DecisionId;

        var error = await FailsAsync(client.GetPublicDecisionAsync(new GetPublicDecisionRequest { DecisionId = id }));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Empty((await client.SearchPublicDecisionsAsync(new SearchPublicDecisionsRequest { AgencyCode = agency })).Decisions);
    }

    /// <summary>The stored <c>decisions.revision</c>.</summary>
    Task<long> RevisionAsync(string id) => app.CountAsync("SELECT revision FROM decisions WHERE decision_id = @id", new { id });

    /// <summary>The <c>revision</c> in the body of the decision's outbox event of that type; 0 unless there is exactly one.</summary>
    Task<long> EventRevisionAsync(string type, string id) => app.CountAsync(
        """
        SELECT CASE COUNT(*) WHEN 1 THEN MAX(json_extract(body, '$.revision')) ELSE 0 END FROM outbox_messages
        WHERE event_type = @type AND json_extract(body, '$.decisionId') = @id
        """,
        new { type, id });

    async Task<string> PublishedAsync(RegisterDecisionRequest request)
    {
        var id = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(request.AgencyCode))).Decision.DecisionId;
        await client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(request.AgencyCode));
        return id;
    }
}
