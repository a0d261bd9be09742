using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Longshan.Contracts.Events;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Statistics.Tests.Support;

namespace Longshan.Statistics.Tests;

/// <summary>Events from the broker are journalled once by event id and projected once, whatever the redeliveries.</summary>
public sealed class JournalTests(StatisticsApp app) : IClassFixture<StatisticsApp>
{
    static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    Task<long> JournalledAsync(Guid eventId) => app.ScalarAsync("SELECT COUNT(*) FROM event_journal WHERE event_id = @id", new { id = eventId.ToString("D") });

    Task WaitJournalledAsync(params IntegrationEvent[] events) => Eventually.HoldsAsync(async () =>
    {
        foreach (var e in events)
            if (await app.ScalarAsync("SELECT COUNT(*) FROM event_journal WHERE event_id = @id AND position IS NOT NULL", new { id = e.EventId.ToString("D") }) == 0)
                return false;
        return true;
    }, $"{events.Length} events journalled and positioned");

    [Fact]
    public async Task Each_event_type_reaches_its_projection_and_journal_only_events_reach_the_journal()
    {
        app.Start();
        var agency = CreditCodes.New();
        var other = CreditCodes.New();
        IntegrationEvent[] events =
        [
            Events.Agency(agency, "township"),
            Events.Decision(agency, "penalty"), Events.Decision(agency, "penalty"), Events.Decision(agency, "permit"), Events.Decision(other, "penalty"),
            Events.Published(agency, "penalty", onTime: true), Events.Published(agency, "penalty", onTime: false),
            Events.Overdue(agency, "permit"), Events.WithdrawalOverdue(agency), Events.WithdrawalOverdue(agency),
            Events.Officer(agency), Events.Officer(agency), Events.Officer(other),
            Events.Review(agency, ReviewCompleted.Approve), Events.Review(agency, ReviewCompleted.Disagree), Events.Review(agency, ReviewCompleted.Approve),
            Events.Revoked(agency),
        ];
        await using var publisher = await BrokerPublisher.ConnectAsync(app.BrokerAddress);
        foreach (var e in events) await publisher.PublishAsync(e);
        await WaitJournalledAsync(events);

        async Task<long> Decisions(string column, string code, string category) =>
            await app.ScalarAsync($"SELECT COALESCE(SUM({column}), 0) FROM decision_counts WHERE agency_code = @code AND category = @category", new { code, category });
        Assert.Equal(2, await Decisions("registered", agency, "penalty"));
        Assert.Equal(1, await Decisions("registered", agency, "permit"));
        Assert.Equal(1, await Decisions("registered", other, "penalty"));
        Assert.Equal(2, await Decisions("published", agency, "penalty"));
        Assert.Equal(1, await Decisions("published_late", agency, "penalty"));
        Assert.Equal(1, await Decisions("publication_overdue", agency, "permit"));
        Assert.Equal(0, await Decisions("publication_overdue", agency, "penalty"));
        Assert.Equal(2, await app.ScalarAsync("SELECT overdue FROM withdrawal_overdue_counts WHERE agency_code = @agency", new { agency }));
        Assert.Equal(2, await app.ScalarAsync("SELECT COUNT(*) FROM officer_roster WHERE agency_code = @agency AND status = 'valid'", new { agency }));
        Assert.Equal(1, await app.ScalarAsync("SELECT COUNT(*) FROM officer_roster WHERE agency_code = @other", new { other }));
        Assert.Equal(2, await app.ScalarAsync("SELECT completed FROM review_counts WHERE agency_code = @agency AND outcome = 'approve'", new { agency }));
        Assert.Equal(1, await app.ScalarAsync("SELECT completed FROM review_counts WHERE agency_code = @agency AND outcome = 'disagree'", new { agency }));
        Assert.True(await app.ScalarAsync("SELECT agencies FROM agency_kind_counts WHERE kind = 'township'") >= 1);
        // Journal only: in the journal, with its type, version and agency.
        var revoked = events[^1];
        Assert.Equal(1, await app.ScalarAsync(
            "SELECT COUNT(*) FROM event_journal WHERE event_id = @id AND event_type = 'DecisionRevoked' AND schema_version = 1 AND agency_code = @agency",
            new { id = revoked.EventId.ToString("D"), agency }));
    }

    [Fact]
    public async Task A_redelivered_event_and_a_second_schema_version_of_it_are_journalled_and_counted_once()
    {
        app.Start();
        var agency = CreditCodes.New();
        var decision = Events.Decision(agency, "inspection");
        var v1 = JsonSerializer.SerializeToUtf8Bytes(decision, Web);
        // The same event (same eventId) in a later schema version, with a field v1 does not have, published beside v1.
        var v2 = JsonNode.Parse(v1)!.AsObject();
        v2["schemaVersion"] = 2;
        v2["legalBasisCount"] = 1;
        var exchange = EventCatalog.ContractOf(decision.GetType()).Exchange;

        await using var publisher = await BrokerPublisher.ConnectAsync(app.BrokerAddress);
        await publisher.PublishAsync(exchange, v1, decision.EventId);
        await publisher.PublishAsync(exchange, v1, decision.EventId);
        await publisher.PublishAsync(exchange, Encoding.UTF8.GetBytes(v2.ToJsonString()), decision.EventId);
        var marker = Events.Decision(agency, "award");
        await publisher.PublishAsync(marker);
        await WaitJournalledAsync(decision, marker);
        await Task.Delay(500); // the copies, had they been applied, would have been by now: the marker came after them

        Assert.Equal(1, await JournalledAsync(decision.EventId));
        Assert.Equal(1, await app.ScalarAsync("SELECT registered FROM decision_counts WHERE agency_code = @agency AND category = 'inspection'", new { agency }));
        var bodies = await app.QueryAsync<string>("SELECT body FROM event_journal WHERE event_id = @id", new { id = decision.EventId.ToString("D") });
        Assert.Equal(decision.EventId, JsonNode.Parse(bodies[0])!["eventId"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task A_major_decision_without_clearance_is_counted_once_per_agency_and_reason_across_redelivery()
    {
        app.Start();
        var agency = CreditCodes.New();
        var other = CreditCodes.New();
        var missing = Events.Uncleared(agency, "review-clearance-missing");
        var body = JsonSerializer.SerializeToUtf8Bytes(missing, Web);
        var exchange = EventCatalog.ContractOf(missing.GetType()).Exchange;
        IntegrationEvent[] more =
        [
            Events.Uncleared(agency, "review-clearance-missing"), Events.Uncleared(agency, "review-clearance-after-decision"),
            Events.Uncleared(other, "review-clearance-missing"),
        ];

        await using var publisher = await BrokerPublisher.ConnectAsync(app.BrokerAddress);
        await publisher.PublishAsync(exchange, body, missing.EventId);
        await publisher.PublishAsync(exchange, body, missing.EventId);
        foreach (var e in more) await publisher.PublishAsync(e);
        await publisher.PublishAsync(exchange, body, missing.EventId);
        var marker = Events.Uncleared(CreditCodes.New(), "review-clearance-other-case");
        await publisher.PublishAsync(marker);
        await WaitJournalledAsync([missing, .. more, marker]);
        await Task.Delay(500); // the copies, had they been applied, would have been by now: the marker came after them

        Task<long> Flagged(string code, string rule) => app.ScalarAsync(
            "SELECT COALESCE(SUM(flagged), 0) FROM uncleared_major_decision_counts WHERE agency_code = @code AND rule_id = @rule", new { code, rule });
        Assert.Equal(1, await JournalledAsync(missing.EventId));
        Assert.Equal(2, await Flagged(agency, "review-clearance-missing"));
        Assert.Equal(1, await Flagged(agency, "review-clearance-after-decision"));
        Assert.Equal(1, await Flagged(other, "review-clearance-missing"));
        Assert.Equal(0, await Flagged(other, "review-clearance-after-decision"));
    }

    [Fact]
    public async Task The_officer_roster_keeps_the_highest_certificate_version_whatever_the_arrival_order()
    {
        app.Start();
        var agency = CreditCodes.New();
        var officer = Guid.NewGuid();
        await using var publisher = await BrokerPublisher.ConnectAsync(app.BrokerAddress);
        var suspended = Events.CertificateChanged(agency, officer, 2, "suspended", "suspended");
        await publisher.PublishAsync(suspended);
        await WaitJournalledAsync(suspended);
        var certified = Events.Officer(agency, officer, version: 1);
        await publisher.PublishAsync(certified);
        await WaitJournalledAsync(certified);

        Assert.Equal("suspended", (await app.QueryAsync<string>("SELECT status FROM officer_roster WHERE officer_id = @id", new { id = officer.ToString("D") })).Single());

        var reinstated = Events.CertificateChanged(agency, officer, 3, "reinstated", "valid");
        await publisher.PublishAsync(reinstated);
        await WaitJournalledAsync(reinstated);
        Assert.Equal("valid", (await app.QueryAsync<string>("SELECT status FROM officer_roster WHERE officer_id = @id", new { id = officer.ToString("D") })).Single());
    }
}
