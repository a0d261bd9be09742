using System.Globalization;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Longshan.Contracts.Events;
using Longshan.Contracts.Rules;
using Longshan.Contracts.Statistics.V1;
using Longshan.Platform.Data;
using Longshan.Platform.Grpc;
using Longshan.Platform.Identifiers;
using Longshan.Statistics.Journal;
using Microsoft.AspNetCore.Authorization;

namespace Longshan.Statistics.Feed;

/// <summary>
/// gRPC <c>longshan.statistics.v1.EventFeed</c>: the journal from a cursor, then live. Catch-up and live are one loop
/// over the same query — "positions in (cursor, head]", head read first — so there is no switch at which an event
/// could be lost or sent twice: the sequencer makes positions visible in order (<see cref="JournalSequencer"/>), and a
/// read up to a head it has seen covers every event up to that head.
/// </summary>
[Authorize(Policy = FeedFeature.Policy)]
public sealed class EventFeedEndpoint(Database database, JournalHead head, FeedOptions options, TimeProvider time, ILogger<EventFeedEndpoint> logger)
    : EventFeed.EventFeedBase
{
    public const int MaxEventTypes = 50;
    public const int MaxAgencyCodes = 100;

    static readonly HashSet<string> KnownTypes = EventCatalog.All.Select(t => EventCatalog.ContractOf(t).Type).ToHashSet(StringComparer.Ordinal);
    static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    public override async Task Subscribe(SubscribeRequest request, IServerStreamWriter<FeedMessage> responseStream, ServerCallContext context)
    {
        var (types, agencies) = Validate(request);
        var cancellationToken = context.CancellationToken;
        var after = request.AfterCursor;
        var journalHead = await ReadHeadAsync(cancellationToken);
        if (after > journalHead)
            throw RpcErrors.FailedPrecondition(RuleCatalog.FeedCursorAhead, after.ToString(CultureInfo.InvariantCulture),
                $"after_cursor {after} > journal head {journalHead}");

        // The idle timeout: a write the client does not take within it (it stopped reading) ends the stream.
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = new Writer(responseStream, idle, options.IdleTimeout, cancellationToken);
        await writer.WriteAsync(Heartbeat(journalHead), flush: true);
        var quietSince = time.GetTimestamp();

        while (!cancellationToken.IsCancellationRequested)
        {
            var advanced = head.NextAdvance;
            IReadOnlyList<JournalRow> rows;
            await using (var session = await database.ReadAsync(cancellationToken))
            {
                journalHead = await JournalStore.HeadAsync(session);
                rows = await JournalStore.RangeAsync(session, after, journalHead, types, agencies, options.BatchSize);
            }

            for (var i = 0; i < rows.Count; i++)
                await writer.WriteAsync(EventOf(rows[i]), flush: i == rows.Count - 1);
            // A full batch may have more behind it; otherwise every event up to the head was read (and matched or not).
            after = rows.Count == options.BatchSize ? rows[^1].Position : journalHead;
            if (rows.Count > 0)
            {
                quietSince = time.GetTimestamp();
                if (rows.Count == options.BatchSize) continue;
            }

            var untilHeartbeat = options.HeartbeatInterval - time.GetElapsedTime(quietSince);
            if (untilHeartbeat <= TimeSpan.Zero)
            {
                // Every matching event up to `after` was sent: a filtered subscriber may resume from this head.
                await writer.WriteAsync(Heartbeat(after), flush: true);
                quietSince = time.GetTimestamp();
                continue;
            }

            // Woken by the sequencer; the poll covers positions given by another instance on a shared SQL Server.
            var wait = untilHeartbeat < options.PollInterval ? untilHeartbeat : options.PollInterval;
            await Task.WhenAny(advanced, Task.Delay(wait, time, cancellationToken));
        }
        logger.LogDebug("Feed stream ended by the client after cursor {Cursor}", after);
    }

    async Task<long> ReadHeadAsync(CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(cancellationToken);
        return await JournalStore.HeadAsync(session);
    }

    static (string? Types, string? Agencies) Validate(SubscribeRequest request)
    {
        var violations = new FieldViolations();
        if (request.AfterCursor < 0) violations.Add("after_cursor", "不得为负数 / must not be negative");
        if (request.EventTypes.Count > MaxEventTypes) violations.Add("event_types", $"至多 {MaxEventTypes} 个 / at most {MaxEventTypes}");
        else
            foreach (var (type, i) in request.EventTypes.Select((t, i) => (t, i)))
                if (!KnownTypes.Contains(type)) violations.Add($"event_types[{i}]", "未知的事件类型 / unknown event type");
        if (request.AgencyCodes.Count > MaxAgencyCodes) violations.Add("agency_codes", $"至多 {MaxAgencyCodes} 个 / at most {MaxAgencyCodes}");
        else
            foreach (var (code, i) in request.AgencyCodes.Select((c, i) => (c, i)))
                if (UnifiedSocialCreditCode.Validate(UnifiedSocialCreditCode.Normalize(code)) is { } problem) violations.Add($"agency_codes[{i}]", problem);
        violations.ThrowIfAny();

        return (
            request.EventTypes.Count == 0 ? null : JsonSerializer.Serialize(request.EventTypes.Distinct().ToArray()),
            request.AgencyCodes.Count == 0 ? null : JsonSerializer.Serialize(request.AgencyCodes.Select(UnifiedSocialCreditCode.Normalize).Distinct().ToArray()));
    }

    FeedMessage Heartbeat(long headCursor) => new()
    {
        Heartbeat = new Heartbeat
        {
            HeadCursor = headCursor,
            SentAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Interval = Duration.FromTimeSpan(options.HeartbeatInterval),
        },
    };

    static FeedMessage EventOf(JournalRow row) => new()
    {
        Event = new FeedEvent
        {
            Cursor = row.Position,
            EventType = row.EventType,
            SchemaVersion = row.SchemaVersion,
            EventId = row.EventId.ToString("D"),
            AgencyCode = row.AgencyCode,
            OccurredAt = Timestamp.FromDateTimeOffset(row.OccurredAt),
            Json = row.Body,
        },
    };

    /// <summary>Writes with the idle timeout armed; buffers a batch and flushes its last message.</summary>
    sealed class Writer(IServerStreamWriter<FeedMessage> stream, CancellationTokenSource idle, TimeSpan idleTimeout, CancellationToken callToken)
    {
        public async Task WriteAsync(FeedMessage message, bool flush)
        {
            stream.WriteOptions = flush ? null : Buffered;
            idle.CancelAfter(idleTimeout);
            try
            {
                await stream.WriteAsync(message, idle.Token);
            }
            catch (OperationCanceledException) when (!callToken.IsCancellationRequested)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, $"the subscriber read nothing for {idleTimeout.TotalSeconds:0} s (idle timeout); resume from the last cursor"));
            }
            idle.CancelAfter(Timeout.InfiniteTimeSpan);
        }
    }
}
