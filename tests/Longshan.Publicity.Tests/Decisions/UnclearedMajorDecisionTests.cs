using System.Text.Json;
using Grpc.Core;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Contracts.Events.Publicity;
using Longshan.Contracts.Publicity.V1;
using Longshan.Publicity.Tests.Support;
using RabbitMQ.Client;
using static Longshan.Publicity.Tests.Decisions.DecisionData;

namespace Longshan.Publicity.Tests.Decisions;

/// <summary>
/// 《行政处罚法》第五十八条: a major decision registered without a valid clearance is recorded, and flagged at once —
/// MajorDecisionWithoutClearance in the registration's transaction, with the clearance rule's id — not only when someone
/// tries to publish it.
/// </summary>
[Collection(BrokerConsumerCollection.Name)]
public sealed class UnclearedMajorDecisionTests(PublicityApp app) : IClassFixture<PublicityApp>
{
    const string Exchange = "longshan.publicity.major-decision-without-clearance.v1";
    const string ApprovedDigest = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";

    readonly DecisionService.DecisionServiceClient client = new(app.Channel);

    /// <summary>The clearance the decision names, as it reached Publicity before the registration; then what is flagged.</summary>
    [Theory]
    [InlineData("none", "review-clearance-missing")]
    [InlineData("other-agency", "review-clearance-other-agency")]
    [InlineData("other-case", "review-clearance-other-case")]
    [InlineData("disagree", "review-clearance-not-passed")]
    [InlineData("after-decision", "review-clearance-after-decision")]
    [InlineData("other-draft", "review-clearance-other-draft")]
    [InlineData("valid", null)]
    public async Task A_major_decision_is_registered_and_flagged_with_the_reason_its_clearance_does_not_clear_it(string clearance, string? rule)
    {
        var agency = await NewAgencyAsync(app);
        var request = Penalty(agency, decisionDate: clearance == "after-decision" ? "2026-11-26" : "2026-11-27");
        request.IsMajor = true;
        request.ReviewClearanceReference = "LS-FZSH-" + Guid.NewGuid().ToString("N")[..8];
        request.ContentDigest = clearance == "other-draft" ? new string('b', 64) : ApprovedDigest;
        var review = Review(agency, request.ReviewClearanceReference, request.CaseNumber);
        review = clearance switch
        {
            "other-agency" => review with { AgencyCode = CreditCodes.New() },
            "other-case" => review with { CaseNumber = Penalty(agency).CaseNumber },
            "disagree" => review with { Outcome = ReviewCompleted.Disagree },
            _ => review,
        };
        if (clearance != "none")
        {
            await app.PublishAsAsync("legalreview", review);
            await Eventually.HoldsAsync(async () => await app.CountAsync(
                "SELECT COUNT(*) FROM review_clearances WHERE review_id = @id", new { id = review.ReviewId }) == 1, "the clearance is stored");
        }

        var id = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(agency))).Decision.DecisionId;
        var retry = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(agency))).Decision.DecisionId;

        Assert.Equal(id, retry);
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM decisions WHERE decision_id = @id", new { id }));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'DecisionRegistered'", new { agency }));
        var flags = await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'MajorDecisionWithoutClearance'", new { agency });
        if (rule is null)
        {
            Assert.Equal(0, flags);
            return;
        }
        Assert.Equal(1, flags);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'MajorDecisionWithoutClearance' " +
            "AND json_extract(body, '$.rule') = @rule AND json_extract(body, '$.decisionId') = @id " +
            "AND json_extract(body, '$.reviewClearanceReference') = @reference AND json_extract(body, '$.caseNumber') = @caseNumber",
            new { agency, rule, id, reference = request.ReviewClearanceReference, caseNumber = request.CaseNumber }));
        // Publishing stays refused, for the same reason.
        var refused = await FailsAsync(client.PublishDecisionAsync(Publish(id), TestTokens.Bearer(agency)));
        Assert.Equal(rule, refused.GetRpcStatus()!.GetDetail<Google.Rpc.PreconditionFailure>().Violations[0].Type);
    }

    [Fact]
    public async Task The_flag_reaches_a_plain_AMQP_subscriber_a_non_major_decision_raises_none_and_a_late_clearance_does_not_withdraw_it()
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(app.BrokerAddress) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        await channel.QueueBindAsync(queue, Exchange, "");

        var agency = await NewAgencyAsync(app);
        var minor = (await client.RegisterDecisionAsync(Penalty(agency), TestTokens.Bearer(agency))).Decision.DecisionId;
        var request = Penalty(agency);
        request.IsMajor = true;
        request.ReviewClearanceReference = "LS-FZSH-" + Guid.NewGuid().ToString("N")[..8];
        var major = (await client.RegisterDecisionAsync(request, TestTokens.Bearer(agency))).Decision.DecisionId;

        var received = new List<JsonElement>();
        await Eventually.HoldsAsync(async () =>
        {
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            {
                var body = JsonDocument.Parse(message.Body.ToArray()).RootElement;
                if (body.GetProperty("agencyCode").GetString() == agency) received.Add(body);
            }
            return received.Count > 0;
        }, "MajorDecisionWithoutClearance at the AMQP subscriber");

        // The review arrives later (completed before the decision date's end): the decision may now be published, and
        // the flag stands — no second flag, nothing withdrawn.
        var review = Review(agency, request.ReviewClearanceReference, request.CaseNumber);
        await app.PublishAsAsync("legalreview", review);
        await Eventually.HoldsAsync(async () => await app.CountAsync(
            "SELECT COUNT(*) FROM review_clearances WHERE review_id = @id", new { id = review.ReviewId }) == 1, "the late clearance is stored");
        var published = await client.PublishDecisionAsync(Publish(major), TestTokens.Bearer(agency));

        var flag = Assert.Single(received);
        Assert.Equal(nameof(MajorDecisionWithoutClearance), flag.GetProperty("eventType").GetString());
        Assert.Equal(1, flag.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(major, flag.GetProperty("decisionId").GetString());
        Assert.Equal("review-clearance-missing", flag.GetProperty("rule").GetString());
        Assert.Equal("2026-11-27", flag.GetProperty("decisionDate").GetString());
        Assert.Equal("penalty", flag.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, flag.GetProperty("contentDigest").ValueKind);
        Assert.NotEqual(minor, major);
        Assert.Equal(major, published.Decision.DecisionId);
        Assert.Equal(1, await app.CountAsync(
            "SELECT COUNT(*) FROM outbox_messages WHERE agency_code = @agency AND event_type = 'MajorDecisionWithoutClearance'", new { agency }));
    }

    ReviewCompleted Review(string agency, string reference, string caseNumber) => new()
    {
        EventId = Guid.NewGuid(),
        OccurredAt = app.Clock.GetUtcNow(),
        AgencyCode = agency,
        ReviewId = reference,
        CaseNumber = caseNumber,
        Outcome = ReviewCompleted.Approve,
        CompletedAt = app.Clock.GetUtcNow().AddMinutes(-30),
        DraftDigest = ApprovedDigest,
    };
}
