using System.Data.Common;
using Longshan.Contracts.Events.LegalReview;
using Longshan.Platform.Data;
using Longshan.Platform.Messaging;

namespace Longshan.Publicity.Decisions;

/// <summary>
/// Keeps the legal-review clearances Publicity needs for the major-decision gate (APL art. 58), from LegalReview's
/// ReviewCompleted events (queue <c>longshan.publicity.review-completed</c>; idempotent through the inbox).
/// </summary>
public sealed class ReviewCompletedConsumer : InboxConsumer<ReviewCompleted>
{
    readonly ReviewClearanceStore clearances;
    readonly TimeProvider time;
    readonly ILogger logger;

    public ReviewCompletedConsumer(Database database, ReviewClearanceStore clearances, TimeProvider time, ILogger<ReviewCompletedConsumer> logger)
        : base(database, time, logger)
    {
        this.clearances = clearances;
        this.time = time;
        this.logger = logger;
    }

    protected override async Task ApplyAsync(ReviewCompleted @event, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(@event.ReviewId))
        {
            logger.LogWarning("ReviewCompleted {EventId} has no review id; ignored", @event.EventId);
            return;
        }

        await clearances.SaveAsync(transaction, @event, time.GetUtcNow());
        logger.LogInformation("Review {ReviewId} of agency {AgencyCode} completed: {Outcome}", @event.ReviewId, @event.AgencyCode, @event.Outcome);
    }
}
