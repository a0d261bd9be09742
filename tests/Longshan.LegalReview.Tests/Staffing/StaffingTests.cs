using Longshan.Contracts.Events.Publicity;
using Longshan.Contracts.LegalReview.V1;
using Longshan.LegalReview.Staffing;
using Longshan.LegalReview.Tests.Support;

namespace Longshan.LegalReview.Tests.Staffing;

/// <summary>The reviewer ratio (国办发〔2018〕118号: at least 5%; T11) from officer events through the broker and the roster.</summary>
public sealed class StaffingTests(LegalReviewApp app) : IClassFixture<LegalReviewApp>
{
    [Theory]
    [InlineData(1, 19, false)]
    [InlineData(1, 20, false)] // exactly 5%
    [InlineData(1, 21, true)]
    [InlineData(2, 40, false)]
    [InlineData(2, 41, true)]
    [InlineData(0, 1, true)]
    [InlineData(0, 0, false)]  // no officers: nothing to compare
    public void Below_means_fewer_than_five_percent(int reviewers, int officers, bool below) =>
        Assert.Equal(below, StaffingRatio.Below(reviewers, officers, 5));

    [Fact]
    public async Task The_ratio_follows_officer_events_and_the_roster_and_is_flagged_once_when_it_falls_below_five_percent()
    {
        var agency = await app.NewAgencyAsync();
        await app.AddReviewerAsync(agency);
        var officers = Enumerable.Range(0, 22).Select(_ => Guid.NewGuid()).ToList();

        foreach (var id in officers.Take(20)) await app.PublishAsAsync("publicity", Certified(agency, id));
        await WaitForOfficersAsync(agency, 20);
        var atFivePercent = await RatioAsync(agency);
        var flaggedAtFive = await FlagsAsync(agency);

        await app.PublishAsAsync("publicity", Certified(agency, officers[20]));
        await WaitForOfficersAsync(agency, 21);
        await app.PublishAsAsync("publicity", Certified(agency, officers[21]));
        await WaitForOfficersAsync(agency, 22);
        var below = await RatioAsync(agency);

        // Two certificates revoked (version 2); a late duplicate of one's OfficerCertified (version 1) changes nothing.
        foreach (var id in officers.Take(2)) await app.PublishAsAsync("publicity", Revoked(agency, id));
        await Eventually.HoldsAsync(async () => (await RatioAsync(agency)).Officers == 20, "two revocations applied");
        await app.PublishAsAsync("publicity", Certified(agency, officers[0]));
        await Eventually.HoldsAsync(async () => await app.CountAsync(
            "SELECT COUNT(*) FROM inbox_messages WHERE consumer = 'officer-certified' AND event_id = @id", new { id = lastEvent.ToString() }) == 1, "the stale event is handled");
        var restored = await RatioAsync(agency);

        Assert.Equal((1, 20, 500, false), (atFivePercent.Reviewers, atFivePercent.Officers, atFivePercent.RatioBasisPoints, atFivePercent.BelowMinimum));
        Assert.Equal(0, flaggedAtFive);
        Assert.Equal((1, 22, true), (below.Reviewers, below.Officers, below.BelowMinimum));
        Assert.Equal(1, await FlagsAsync(agency));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'ReviewerRatioBelowMinimum' AND agency_code = @agency AND body LIKE '%\"officers\":21%'",
            new { agency }));
        Assert.Equal((20, false), (restored.Officers, restored.BelowMinimum));
    }

    Guid lastEvent;

    OfficerCertified Certified(string agency, Guid officerId)
    {
        lastEvent = Guid.NewGuid();
        return new OfficerCertified
        {
            EventId = lastEvent, OccurredAt = app.Clock.GetUtcNow(), AgencyCode = agency, OfficerId = officerId, Version = 1, Name = "执法员",
            CertificateNumber = "43" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999), CertificateKind = "administrative-enforcement",
            IssuingBody = "湖南省人民政府", ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2029, 12, 31), Areas = ["市场监管"], Status = "valid",
        };
    }

    OfficerCertificateChanged Revoked(string agency, Guid officerId) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = app.Clock.GetUtcNow(), AgencyCode = agency, OfficerId = officerId, Version = 2, CertificateNumber = "x",
        Change = "revoked", Status = "revoked", Reason = "调离执法岗位", ValidFrom = new DateOnly(2025, 1, 1), ValidTo = new DateOnly(2029, 12, 31),
    };

    Task WaitForOfficersAsync(string agency, int count) =>
        Eventually.HoldsAsync(async () => await app.CountAsync("SELECT COUNT(*) FROM enforcement_officers WHERE agency_code = @agency", new { agency }) == count,
            $"{count} officers known");

    Task<long> FlagsAsync(string agency) =>
        app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'ReviewerRatioBelowMinimum' AND agency_code = @agency", new { agency });

    async Task<GetStaffingRatioResponse> RatioAsync(string agency) =>
        await app.Roster.GetStaffingRatioAsync(new GetStaffingRatioRequest { AgencyCode = agency }, TestTokens.Bearer(agency));
}
