using Google.Rpc;
using Grpc.Core;
using Longshan.Contracts.Events;
using Longshan.Contracts.Statistics.V1;
using Longshan.Platform.Identity;
using Longshan.Statistics.Tests.Support;

namespace Longshan.Statistics.Tests;

/// <summary>
/// EventFeed.Subscribe through the real gRPC pipeline, with events arriving through the broker. Each test filters on
/// agencies of its own, so the tests of the class share one journal without seeing each other's events.
/// </summary>
public sealed class FeedTests(StatisticsApp app) : IClassFixture<StatisticsApp>
{
    static SubscribeRequest For(long after, params string[] agencies) => new() { AfterCursor = after, AgencyCodes = { agencies } };

    async Task<List<IntegrationEvent>> PublishAsync(int count, Func<int, IntegrationEvent> make)
    {
        var events = Enumerable.Range(0, count).Select(make).ToList();
        await using var publisher = await BrokerPublisher.ConnectAsync(app.BrokerAddress);
        foreach (var e in events) await publisher.PublishAsync(e);
        return events;
    }

    [Fact]
    public async Task Catches_up_from_the_cursor_then_follows_live_without_a_gap_or_a_duplicate_at_the_switch()
    {
        app.Start();
        var agency = CreditCodes.New();
        var before = await PublishAsync(40, i => Events.Decision(agency, i % 2 == 0 ? "penalty" : "permit"));
        await Eventually.HoldsAsync(async () => await app.ScalarAsync(
            "SELECT COUNT(*) FROM event_journal WHERE agency_code = @agency AND position IS NOT NULL", new { agency }) == 40, "the first 40 journalled");

        await using var follower = FeedFollower.Start(app.Feed, For(0, agency));
        await follower.WaitForAsync(40);
        // Live: published while the stream is open, some while it may still be catching up.
        var live = await PublishAsync(60, i => Events.Review(agency));
        var seen = await follower.WaitForAsync(100);
        await Task.Delay(300);

        Assert.Equal(100, follower.Events.Count);
        Assert.Equal(before.Concat(live).Select(e => e.EventId.ToString("D")).Order(), seen.Select(e => e.EventId).Order());
        Assert.Equal(seen.Select(e => e.Cursor).Order(), seen.Select(e => e.Cursor));
        Assert.Equal(seen.Count, seen.Select(e => e.Cursor).Distinct().Count());
        var first = seen[0];
        Assert.Equal("DecisionRegistered", first.EventType);
        Assert.Equal(1, first.SchemaVersion);
        Assert.Equal(agency, first.AgencyCode);
        Assert.Equal(Events.At, first.OccurredAt.ToDateTimeOffset());
        Assert.Contains($"\"eventId\":\"{first.EventId}\"", first.Json);
        // The stream opened with a heartbeat carrying the journal's head.
        Assert.True(follower.Heartbeats[0].HeadCursor >= 40);
    }

    [Fact]
    public async Task A_follower_disconnected_mid_stream_resumes_from_its_cursor_with_exactly_the_events_it_missed()
    {
        app.Start();
        var agency = CreditCodes.New();
        var first = await PublishAsync(30, _ => Events.Officer(agency));
        await using var follower = FeedFollower.Start(app.Feed, For(0, agency));
        var got = await follower.WaitForAsync(30);
        await follower.StopAsync();
        var cursor = got[^1].Cursor;

        var missed = await PublishAsync(50, i => i % 2 == 0 ? Events.Decision(agency) : Events.Review(agency));
        await using var resumed = FeedFollower.Start(app.Feed, For(cursor, agency));
        var after = await resumed.WaitForAsync(50);
        await Task.Delay(300);

        Assert.Equal(first.Select(e => e.EventId.ToString("D")).Order(), got.Take(30).Select(e => e.EventId).Order());
        Assert.Equal(50, resumed.Events.Count);
        Assert.Equal(missed.Select(e => e.EventId.ToString("D")).Order(), after.Select(e => e.EventId).Order());
        Assert.All(after, e => Assert.True(e.Cursor > cursor));
    }

    [Fact]
    public async Task Filters_by_event_type_and_agency()
    {
        app.Start();
        var a = CreditCodes.New();
        var b = CreditCodes.New();
        var events = await PublishAsync(24, i => (i % 4) switch
        {
            0 => Events.Decision(a), 1 => Events.Review(a), 2 => Events.Decision(b), _ => Events.Officer(a),
        });
        var expected = events.Where(e => e.AgencyCode == a && e.EventType is "DecisionRegistered" or "OfficerCertified").ToList();

        await using var follower = FeedFollower.Start(app.Feed, new SubscribeRequest
        {
            AgencyCodes = { a, CreditCodes.New() }, EventTypes = { "DecisionRegistered", "OfficerCertified" },
        });
        await follower.WaitForAsync(expected.Count);
        await using var onlyB = FeedFollower.Start(app.Feed, For(0, b));
        await onlyB.WaitForAsync(6);
        await Task.Delay(300);

        Assert.Equal(expected.Select(e => e.EventId.ToString("D")).Order(), follower.Events.Select(e => e.EventId).Order());
        Assert.Equal(6, onlyB.Events.Count);
        Assert.All(onlyB.Events, e => Assert.Equal(b, e.AgencyCode));
    }

    [Fact]
    public async Task Only_the_data_center_and_the_county_administrator_may_subscribe()
    {
        app.Start();
        var agency = CreditCodes.New();
        foreach (var role in new[] { Roles.Agency, Roles.Officer, Roles.Publisher })
        {
            var call = app.Feed.Subscribe(For(0, agency), TestTokens.Bearer(agency, role));
            var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
            Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
        }
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => app.Feed.Subscribe(For(0, agency)).ResponseStream.MoveNext());
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);

        foreach (var role in new[] { Roles.DataCenter, Roles.CountyAdmin })
        {
            using var call = app.Feed.Subscribe(For(0, agency), TestTokens.Bearer(agency, role));
            Assert.True(await call.ResponseStream.MoveNext());
            Assert.NotNull(call.ResponseStream.Current.Heartbeat);
        }
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_the_field_or_the_rule()
    {
        app.Start();
        var bad = await Assert.ThrowsAsync<RpcException>(() => app.Feed.Subscribe(
            new SubscribeRequest { AfterCursor = -1, EventTypes = { "DecisionRegistered", "NoSuchEvent" }, AgencyCodes = { "not-a-code" } },
            StatisticsApp.DataCenter).ResponseStream.MoveNext());
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        var fields = bad.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).ToList();
        Assert.Equal(["after_cursor", "event_types[1]", "agency_codes[0]"], fields);

        var tooMany = await Assert.ThrowsAsync<RpcException>(() => app.Feed.Subscribe(
            new SubscribeRequest { AgencyCodes = { Enumerable.Range(0, 101).Select(_ => CreditCodes.New()) } }, StatisticsApp.DataCenter).ResponseStream.MoveNext());
        Assert.Equal("agency_codes", tooMany.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        var justEnough = app.Feed.Subscribe(new SubscribeRequest { AgencyCodes = { Enumerable.Range(0, 100).Select(_ => CreditCodes.New()) } }, StatisticsApp.DataCenter);
        Assert.True(await justEnough.ResponseStream.MoveNext());
        justEnough.Dispose();

        var head = await app.ScalarAsync("SELECT COALESCE(MAX(position), 0) FROM event_journal");
        var ahead = await Assert.ThrowsAsync<RpcException>(() => app.Feed.Subscribe(
            new SubscribeRequest { AfterCursor = head + 1_000_000 }, StatisticsApp.DataCenter).ResponseStream.MoveNext());
        Assert.Equal(StatusCode.FailedPrecondition, ahead.StatusCode);
        Assert.Equal("feed-cursor-ahead", ahead.GetRpcStatus()!.GetDetail<PreconditionFailure>().Violations[0].Type);
    }

    [Fact]
    public async Task An_idle_stream_sends_heartbeats_with_the_head_it_has_read_up_to()
    {
        app.Start();
        var agency = CreditCodes.New();
        await PublishAsync(3, _ => Events.Review(agency));
        await Eventually.HoldsAsync(async () => await app.ScalarAsync(
            "SELECT COUNT(*) FROM event_journal WHERE agency_code = @agency AND position IS NOT NULL", new { agency }) == 3, "journalled");
        await using var follower = FeedFollower.Start(app.Feed, For(0, agency));
        await follower.WaitForAsync(3);
        var heartbeatsBefore = follower.Heartbeats.Count;

        // The heartbeat interval (15 s by default) passes on the service's clock.
        await Eventually.HoldsAsync(() =>
        {
            app.Clock.Advance(TimeSpan.FromSeconds(16));
            return Task.FromResult(follower.Heartbeats.Count > heartbeatsBefore);
        }, "a heartbeat after the interval");

        var heartbeat = follower.Heartbeats[^1];
        Assert.Equal(TimeSpan.FromSeconds(15), heartbeat.Interval.ToTimeSpan());
        Assert.True(heartbeat.HeadCursor >= follower.Events[^1].Cursor);
        Assert.Equal(3, follower.Events.Count);
    }
}
