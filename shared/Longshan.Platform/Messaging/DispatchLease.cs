using Longshan.Platform.Data;

namespace Longshan.Platform.Messaging;

/// <summary>
/// The right to publish a database's outbox, held by one dispatcher at a time (<c>outbox_dispatch_lease</c>): taken
/// when free or expired, renewed well before it expires, released on a clean stop. Its clock is the system's, not the
/// service's <see cref="TimeProvider"/>: the lease is compared across processes, and a test's fake clock (which other
/// instances do not share) must not keep it alive or let it lapse.
/// </summary>
sealed class DispatchLease(WriteQueue writes, OutboxOptions options)
{
    static readonly SqlStatement Take = SqlStatement.Portable(
        "UPDATE outbox_dispatch_lease SET owner = @owner, expires_at = @until WHERE id = 1 AND (owner = @owner OR expires_at < @now)");

    static readonly SqlStatement Release = SqlStatement.Portable(
        "UPDATE outbox_dispatch_lease SET owner = '', expires_at = @now WHERE id = 1 AND owner = @owner");

    readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    DateTimeOffset renewAfter = DateTimeOffset.MinValue;
    DateTimeOffset expiresAt = DateTimeOffset.MinValue;

    /// <summary>True while this dispatcher's lease is valid by its own reckoning.</summary>
    public bool Held => DateTimeOffset.UtcNow < expiresAt;

    /// <summary>Holds the lease: renews it when a third of it has passed; takes it when free. False when another holds it.</summary>
    public async Task<bool> HoldAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        if (now < renewAfter) return Held;
        var until = now + options.DispatchLease;
        var taken = await writes.RunAsync(session => session.ExecuteAsync(Take, new { owner, until, now }), cancellationToken) == 1;
        // Held: renew after a third of the lease. Not held: ask again after a poll interval, not on every wake-up.
        (renewAfter, expiresAt) = taken ? (now + options.DispatchLease / 3, until) : (now + options.PollInterval, DateTimeOffset.MinValue);
        return taken;
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (!Held) return;
        (renewAfter, expiresAt) = (DateTimeOffset.MinValue, DateTimeOffset.MinValue);
        await writes.RunAsync(session => session.ExecuteAsync(Release, new { owner, now = DateTimeOffset.UtcNow }), cancellationToken);
    }
}
