using Longshan.Contracts.Events.LegalReview;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// Keeps the legal-review clearances Publicity needs for the major-decision gate (APL art. 58), from LegalReview's
/// ReviewCompleted events (registered as <c>review-completed</c>; idempotent through the inbox).
/// </summary>
public sealed class ReviewCompletedConsumer(Inbox inbox, ReviewClearanceStore clearances, ILogger<ReviewCompletedConsumer> logger)
    : InboxConsumer<ReviewCompleted>(inbox)
{
    protected override async Task ApplyAsync(ReviewCompleted @event, DbSession session)
    {
        if (string.IsNullOrWhiteSpace(@event.ReviewId))
        {
            logger.LogWarning("ReviewCompleted {EventId} has no review id; ignored", @event.EventId);
            return;
        }

        await clearances.SaveAsync(session, @event, Time.GetUtcNow());
        logger.LogInformation("Review {ReviewId} of agency {AgencyCode} completed: {Outcome}", @event.ReviewId, @event.AgencyCode, @event.Outcome);
    }
}
