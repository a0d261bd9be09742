using Longshan.LegalReview.Reviews;
using Longshan.LegalReview.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ReviewOpinion = Longshan.Contracts.LegalReview.V1.ReviewOpinion;

namespace Longshan.LegalReview.Tests.Reviews;

/// <summary>The overdue watch, driven by the fixture's fake clock. This class owns its app's clock (it moves it).</summary>
public sealed class ReviewOverdueTests(LegalReviewApp app) : IClassFixture<LegalReviewApp>
{
    static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task ReviewOverdue_is_raised_once_when_the_last_day_has_ended_without_an_opinion_and_not_before()
    {
        var agency = await app.NewAgencyAsync();
        // Accepted Fri 2026-11-27: due Tue 2026-12-08 (7 working days).
        var (late, reviewer) = await app.UnderReviewAsync(agency);
        var (onTime, onTimeReviewer) = await app.UnderReviewAsync(agency);
        await app.RecordAllFindingsAsync(onTime, onTimeReviewer);
        await app.DecideAsync(onTime, onTimeReviewer, ReviewOpinion.Approve);
        var notAccepted = await app.SubmitAsync(agency);

        await MoveClockAndSweepAsync(new DateTimeOffset(2026, 12, 8, 23, 0, 0, Beijing));
        var onDeadlineDay = await OverdueCountAsync(late.ReviewId);
        await MoveClockAndSweepAsync(new DateTimeOffset(2026, 12, 9, 0, 0, 30, Beijing));
        var justAfter = await OverdueCountAsync(late.ReviewId);
        await MoveClockAndSweepAsync(new DateTimeOffset(2026, 12, 15, 9, 0, 0, Beijing));
        var aWeekLater = await OverdueCountAsync(late.ReviewId);
        var shown = (await app.Reviews.GetReviewAsync(new() { ReviewId = late.ReviewId }, TestTokens.Bearer(agency))).Review;

        Assert.Equal("2026-12-08", late.ReviewDueOn);
        Assert.Equal(0, onDeadlineDay);
        Assert.Equal(1, justAfter);
        Assert.Equal(1, aWeekLater);
        Assert.True(shown.Overdue);
        Assert.Equal(0, await OverdueCountAsync(onTime.ReviewId));
        Assert.Equal(0, await OverdueCountAsync(notAccepted.ReviewId));
        Assert.Equal(1, await app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'ReviewOverdue' AND body LIKE @reviewer",
            new { reviewer = $"%\"reviewerId\":\"{reviewer.Subject}\"%" }));
    }

    Task<long> OverdueCountAsync(string reviewId) =>
        app.CountAsync("SELECT COUNT(*) FROM outbox_messages WHERE event_type = 'ReviewOverdue' AND body LIKE @id", new { id = $"%{reviewId}%" });

    async Task MoveClockAndSweepAsync(DateTimeOffset target)
    {
        var watch = app.Services.GetRequiredService<ReviewOverdueWatch>();
        await Eventually.HoldsAsync(() => Task.FromResult(watch.LastSweepAt is not null), "the first sweep");
        app.Clock.SetUtcNow(target);
        await Eventually.HoldsAsync(() => Task.FromResult(watch.LastSweepAt >= target), $"a sweep at {target}");
    }
}
