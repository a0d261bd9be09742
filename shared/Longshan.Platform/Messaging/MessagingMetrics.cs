using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Longshan.Contracts.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Longshan.Platform.Messaging;

/// <summary>
/// Meter <c>Longshan.Messaging</c>, per consumer queue (tag <c>queue</c>): messages parked in its <c>_error</c> queue for
/// a person (<c>longshan.messaging.parked</c>, the one to alert on; re-drive: EVENTS.md, "When a consumer fails"),
/// messages waiting in its <c>_retry</c> queue (<c>longshan.messaging.redelivery.waiting</c>) and redeliveries
/// scheduled by this instance (<c>longshan.messaging.redelivery.scheduled</c>).
/// </summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "Longshan.Messaging";

    readonly Counter<long> scheduled;
    readonly ConcurrentDictionary<string, (long Parked, long Waiting)> depths = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, long> scheduledCounts = new(StringComparer.Ordinal);

    public MessagingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        scheduled = meter.CreateCounter<long>("longshan.messaging.redelivery.scheduled", "{message}",
            "Messages whose consumer still failed after its in-process retries, sent round the queue's _retry queue");
        meter.CreateObservableGauge("longshan.messaging.parked", () => Measure(d => d.Parked), "{message}",
            "Messages parked in the consumer queue's _error queue, waiting for a person to re-drive them");
        meter.CreateObservableGauge("longshan.messaging.redelivery.waiting", () => Measure(d => d.Waiting), "{message}",
            "Messages waiting in the consumer queue's _retry queue for their scheduled redelivery");
    }

    /// <summary>Parked messages per consumer queue, as last read from the broker.</summary>
    public IReadOnlyDictionary<string, long> Parked => depths.ToDictionary(d => d.Key, d => d.Value.Parked, StringComparer.Ordinal);

    /// <summary>Messages waiting for their redelivery per consumer queue, as last read from the broker.</summary>
    public IReadOnlyDictionary<string, long> Waiting => depths.ToDictionary(d => d.Key, d => d.Value.Waiting, StringComparer.Ordinal);

    /// <summary>Redeliveries this instance scheduled since it started, per consumer queue.</summary>
    public IReadOnlyDictionary<string, long> Scheduled => scheduledCounts.ToDictionary(StringComparer.Ordinal);

    internal void RedeliveryScheduled(string queue)
    {
        scheduled.Add(1, new KeyValuePair<string, object?>("queue", queue));
        scheduledCounts.AddOrUpdate(queue, 1, (_, n) => n + 1);
    }

    internal void Depths(string queue, long parked, long waiting) => depths[queue] = (parked, waiting);

    IEnumerable<Measurement<long>> Measure(Func<(long Parked, long Waiting), long> value) =>
        depths.Select(d => new Measurement<long>(value(d.Value), new KeyValuePair<string, object?>("queue", d.Key)));
}

/// <summary>
/// Reads the depth of each of the service's consumer queues' <c>_error</c> and <c>_retry</c> queues (a passive declare
/// on a connection of its own, with the service's broker user, which may read its own queues) every
/// <c>Messaging:Redelivery:PollSeconds</c> (30 s) into <see cref="MessagingMetrics"/>. Both queues are in the broker
/// definitions; a broker without them answers "not found", and the queue is looked at again only every ten minutes
/// (RabbitMQ logs each such answer as an error).
/// </summary>
public sealed class BrokerQueueMonitor(
    string serviceName, string brokerUri, IConfiguration configuration, ConsumerNames names, MessagingMetrics metrics,
    ILogger<BrokerQueueMonitor> logger) : BackgroundService
{
    readonly Dictionary<string, DateTimeOffset> missingUntil = new(StringComparer.Ordinal);
    readonly SemaphoreSlim refreshing = new(1, 1);
    IConnection? connection;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("Messaging:Redelivery:PollSeconds", 30));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The broker is away: the bus's health check says so; the depths keep their last values.
                logger.LogDebug("Queue depths not read: {Error}", e.Message);
                await DropConnectionAsync();
            }
            try { await Task.Delay(every, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Reads every consumer queue's parked and waiting counts now.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            connection ??= await new ConnectionFactory
            {
                Uri = new Uri(brokerUri),
                ClientProvidedName = $"{serviceName} queue monitor",
            }.CreateConnectionAsync(cancellationToken);
            foreach (var queue in names.All.Values.Select(name => $"longshan.{serviceName}.{name}").Order(StringComparer.Ordinal))
            {
                var parked = await DepthAsync(EventSubscription.ErrorQueueOf(queue), cancellationToken);
                var waiting = await DepthAsync(EventSubscription.RetryQueueOf(queue), cancellationToken);
                metrics.Depths(queue, parked, waiting);
            }
        }
        finally
        {
            refreshing.Release();
        }
    }

    async Task<long> DepthAsync(string queue, CancellationToken cancellationToken)
    {
        if (missingUntil.TryGetValue(queue, out var until) && DateTimeOffset.UtcNow < until) return 0;
        // A channel per look: a queue that does not exist closes the channel it was asked on.
        await using var channel = await connection!.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            missingUntil.Remove(queue);
            return ok.MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            missingUntil[queue] = DateTimeOffset.UtcNow.AddMinutes(10);
            return 0;
        }
    }

    async Task DropConnectionAsync()
    {
        if (connection is null) return;
        try { await connection.DisposeAsync(); }
        catch (Exception e) when (e is not OperationCanceledException) { /* already broken */ }
        connection = null;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await DropConnectionAsync();
    }
}
