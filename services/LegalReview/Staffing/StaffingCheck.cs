using System.Diagnostics.Metrics;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Platform.Calendar;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;

namespace Longshan.LegalReview.Staffing;

/// <summary>
/// Re-checks an agency's reviewer ratio after a change of its officers or roster, inside that change's transaction:
/// when it crosses below the minimum, ReviewerRatioBelowMinimum goes to the outbox (once per crossing) and the meter
/// <c>Longshan.LegalReview</c> counts it (<c>longshan.legalreview.reviewer_ratio_below</c>).
/// </summary>
public sealed class StaffingCheck(StaffingStore store, OutboxWriter outbox, StaffingOptions options)
{
    static readonly Meter Meter = new("Longshan.LegalReview");
    static readonly Counter<long> BelowRaised = Meter.CreateCounter<long>("longshan.legalreview.reviewer_ratio_below",
        description: "Agencies whose legal reviewers fell below the minimum share of their enforcement officers (T11)");

    public async Task CheckAsync(DbSession session, string agencyCode, DateTimeOffset now)
    {
        var (reviewers, officers) = await store.CountAsync(session, agencyCode, CountyTime.DateOf(now));
        var below = StaffingRatio.Below(reviewers, officers, options.MinimumPercent);
        var wasBelow = await store.WasBelowAsync(session, agencyCode);
        if (below == wasBelow) return;
        await store.SetBelowAsync(session, agencyCode, below, now);
        if (!below) return;
        await outbox.AddAsync(session, new ReviewerRatioBelowMinimum
        {
            EventId = Guid.NewGuid(), OccurredAt = now, AgencyCode = agencyCode, Reviewers = reviewers, Officers = officers,
            MinimumPercent = options.MinimumPercent,
        });
        BelowRaised.Add(1, new KeyValuePair<string, object?>("agency", agencyCode));
    }
}
