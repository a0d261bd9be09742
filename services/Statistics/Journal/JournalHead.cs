namespace Longshan.Statistics.Journal;

/// <summary>
/// Tells waiting feed streams that the sequencer has committed new positions. Take <see cref="NextAdvance"/> before
/// reading the journal and wait on it after an empty read: an advance between the read and the wait is not missed.
/// </summary>
public sealed class JournalHead
{
    TaskCompletionSource next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next advance after it was taken.</summary>
    public Task NextAdvance => Volatile.Read(ref next).Task;

    public void Advanced() =>
        Interlocked.Exchange(ref next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
