namespace Longshan.Testing;

/// <summary>Polling, in real time, for what happens asynchronously (events through the broker, background sweeps).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls until <paramref name="condition"/> holds or the time is up; the last answer (checked once more at the deadline).</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null, TimeSpan? interval = null)
    {
        var deadline = DateTime.UtcNow + (within ?? DefaultWithin);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(interval ?? DefaultInterval);
        }
        return await condition();
    }

    /// <summary>Polls until <paramref name="condition"/> holds; a <see cref="TimeoutException"/> naming <paramref name="what"/> when the time is up.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null, TimeSpan? interval = null)
    {
        var limit = within ?? DefaultWithin;
        if (!await TrueAsync(condition, limit, interval))
            throw new TimeoutException($"not within {limit.TotalSeconds:0.#} s: {what}");
    }
}
