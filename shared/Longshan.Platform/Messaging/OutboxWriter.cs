using System.Diagnostics;
using System.Text.Json;
using Longshan.Contracts.Events;
using Longshan.Platform.Data;

namespace Longshan.Platform.Messaging;

/// <summary>
/// Writes integration events into <c>outbox_messages</c> inside the caller's transaction, so an event exists
/// exactly when the state change that caused it was committed. Call <see cref="Wake"/> after the commit to have
/// the dispatcher publish at once rather than at its next poll.
/// </summary>
public sealed class OutboxWriter(OutboxSignal signal)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static readonly SqlStatement Insert = SqlStatement.Portable(
        """
        INSERT INTO outbox_messages (event_id, event_type, agency_code, body, trace_parent, occurred_at)
        VALUES (@EventId, @EventType, @AgencyCode, @Body, @TraceParent, @OccurredAt)
        """);

    public Task AddAsync(DbSession session, IntegrationEvent @event) =>
        session.ExecuteAsync(Insert, new
        {
            @event.EventId,
            @event.EventType,
            @event.AgencyCode,
            Body = JsonSerializer.Serialize(@event, @event.GetType(), Json),
            TraceParent = Activity.Current?.Id,
            @event.OccurredAt,
        });

    public void Wake() => signal.Wake();
}

/// <summary>Wakes the dispatcher when a transaction with outbox rows has committed.</summary>
public sealed class OutboxSignal : IDisposable
{
    readonly SemaphoreSlim semaphore = new(0, 1);

    public void Dispose() => semaphore.Dispose();

    public void Wake()
    {
        try { semaphore.Release(); }
        catch (SemaphoreFullException) { /* already awake */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => semaphore.WaitAsync(timeout, cancellationToken);
}
