using Grpc.Core;
using Longshan.Contracts.Statistics.V1;

namespace Longshan.Statistics.Tests.Support;

/// <summary>A feed subscriber in the background: collects events and heartbeats until stopped (a disconnect).</summary>
public sealed class FeedFollower : IAsyncDisposable
{
    readonly CancellationTokenSource stop = new();
    readonly List<FeedEvent> events = [];
    readonly List<Heartbeat> heartbeats = [];
    readonly Task pump;

    FeedFollower(EventFeed.EventFeedClient client, SubscribeRequest request, Metadata headers)
    {
        var call = client.Subscribe(request, headers, cancellationToken: stop.Token);
        pump = Task.Run(async () =>
        {
            using (call)
            {
                try
                {
                    await foreach (var message in call.ResponseStream.ReadAllAsync(stop.Token))
                        lock (events)
                        {
                            if (message.Event is { } e) events.Add(e);
                            else heartbeats.Add(message.Heartbeat);
                        }
                }
                catch (Exception e) when (stop.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
                {
                }
            }
        });
    }

    public static FeedFollower Start(EventFeed.EventFeedClient client, SubscribeRequest request, Metadata? headers = null) =>
        new(client, request, headers ?? StatisticsApp.DataCenter);

    public IReadOnlyList<FeedEvent> Events { get { lock (events) return events.ToList(); } }

    public IReadOnlyList<Heartbeat> Heartbeats { get { lock (events) return heartbeats.ToList(); } }

    /// <summary>The stream's end: an error it ended with, or null while it runs or after a clean stop.</summary>
    public Task Completion => pump;

    public async Task<IReadOnlyList<FeedEvent>> WaitForAsync(int count, TimeSpan? within = null)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(Events.Count >= count || pump.IsCompleted), $"{count} events on the feed (have {Events.Count})", within);
        if (pump.IsFaulted) await pump;
        return Events;
    }

    /// <summary>Disconnects (cancels the call), as a subscriber that dies or is stopped.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await pump;
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested) await StopAsync();
        stop.Dispose();
    }
}
