using Longshan.Contracts.Events;
using Longshan.Platform.Data;

namespace Longshan.Statistics.Journal;

/// <summary>A journalled event as the feed reads it.</summary>
public sealed class JournalRow
{
    public long Position { get; set; }
    public Guid EventId { get; set; }
    public string EventType { get; set; } = "";
    public int SchemaVersion { get; set; }
    public string AgencyCode { get; set; } = "";
    public DateTimeOffset OccurredAt { get; set; }
    public string Body { get; set; } = "";
}

/// <summary>
/// The <c>event_journal</c> table. A row is appended without a position by the consumer that received the event;
/// <see cref="JournalSequencer"/> gives committed rows their position later. Readers only ever see positioned rows.
/// </summary>
public static class JournalStore
{
    static readonly SqlStatement Append = new(
        """
        INSERT OR IGNORE INTO event_journal (event_id, event_type, schema_version, agency_code, occurred_at, journalled_at, body, trace_id)
        VALUES (@eventId, @eventType, @schemaVersion, @agencyCode, @occurredAt, @journalledAt, @body, @traceId)
        """,
        """
        INSERT INTO dbo.event_journal (event_id, event_type, schema_version, agency_code, occurred_at, journalled_at, body, trace_id)
        SELECT @eventId, @eventType, @schemaVersion, @agencyCode, @occurredAt, @journalledAt, @body, @traceId
        WHERE NOT EXISTS (SELECT 1 FROM dbo.event_journal WITH (UPDLOCK, HOLDLOCK) WHERE event_id = @eventId)
        """);

    /// <summary>
    /// The last position given. On SQL Server the sequencer first takes an exclusive application lock held to the end of
    /// its transaction, so one sequencer (of any instance) runs at a time and each starts from the previous one's commit.
    /// On SQLite the single writer already serialises sequencer transactions.
    /// </summary>
    static readonly SqlStatement LockAndReadHead = new(
        "SELECT COALESCE(MAX(position), 0) FROM event_journal WHERE position IS NOT NULL",
        """
        DECLARE @granted INT;
        EXEC @granted = sp_getapplock @Resource = N'longshan-statistics-journal-sequencer', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000;
        IF @granted < 0 THROW 51000, N'The journal sequencer lock was not granted.', 1;
        SELECT ISNULL(MAX(position), 0) FROM dbo.event_journal WHERE position IS NOT NULL;
        """);

    /// <summary>
    /// Gives the next committed rows without a position the positions head+1, head+2, … in insertion order. On SQL Server
    /// READPAST passes over rows a consumer inserted but has not committed yet: they get a later position once committed.
    /// </summary>
    static readonly SqlStatement AssignPositions = new(
        """
        WITH next AS (
            SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS n FROM event_journal WHERE position IS NULL ORDER BY id LIMIT @batchSize)
        UPDATE event_journal SET position = @head + next.n FROM next WHERE event_journal.id = next.id
        """,
        """
        WITH next AS (
            SELECT TOP (@batchSize) position, ROW_NUMBER() OVER (ORDER BY id) AS n
            FROM dbo.event_journal WITH (READPAST, UPDLOCK, ROWLOCK) WHERE position IS NULL ORDER BY id)
        UPDATE next SET position = @head + n;
        """);

    /// <summary>"position IS NOT NULL" lets the head come from the partial position index (one seek, not a scan of the bodies).</summary>
    static readonly SqlStatement SelectHead = new(
        "SELECT COALESCE(MAX(position), 0) FROM event_journal WHERE position IS NOT NULL",
        "SELECT ISNULL(MAX(position), 0) FROM dbo.event_journal WHERE position IS NOT NULL");

    /// <summary>Positioned rows in (after, upTo], optionally only some types and agencies (JSON arrays), in position order.</summary>
    static readonly SqlStatement SelectRange = new(
        """
        SELECT position, event_id, event_type, schema_version, agency_code, occurred_at, body FROM event_journal
        WHERE position > @after AND position <= @upTo
          AND (@types IS NULL OR event_type IN (SELECT value FROM json_each(@types)))
          AND (@agencies IS NULL OR agency_code IN (SELECT value FROM json_each(@agencies)))
        ORDER BY position LIMIT @limit
        """,
        """
        SELECT TOP (@limit) position, event_id, event_type, schema_version, agency_code, occurred_at, body FROM dbo.event_journal
        WHERE position > @after AND position <= @upTo
          AND (@types IS NULL OR event_type IN (SELECT value FROM OPENJSON(@types)))
          AND (@agencies IS NULL OR agency_code IN (SELECT value FROM OPENJSON(@agencies)))
        ORDER BY position
        """);

    /// <summary>Appends the event unless its id is journalled already (a redelivery, or another schema version of it). True when appended.</summary>
    public static async Task<bool> AppendAsync(DbSession session, IntegrationEvent @event, string body, DateTimeOffset journalledAt) =>
        await session.ExecuteAsync(Append, new
        {
            eventId = @event.EventId,
            eventType = @event.EventType,
            schemaVersion = @event.SchemaVersion,
            agencyCode = @event.AgencyCode,
            occurredAt = @event.OccurredAt,
            journalledAt,
            body,
            // The trace of the call that published it (one trace from the gRPC call through the outbox to every consumer).
            traceId = System.Diagnostics.Activity.Current?.TraceId.ToHexString(),
        }) == 1;

    /// <summary>One sequencing step; call inside a write session and commit it. Returns how many rows got a position.</summary>
    public static async Task<int> SequenceAsync(DbSession session, int batchSize)
    {
        var head = await session.ScalarAsync<long>(LockAndReadHead);
        return await session.ExecuteAsync(AssignPositions, new { head, batchSize });
    }

    public static Task<long> HeadAsync(DbSession session) => session.ScalarAsync<long>(SelectHead);

    public static Task<IReadOnlyList<JournalRow>> RangeAsync(DbSession session, long after, long upTo, string? types, string? agencies, int limit) =>
        session.ListAsync<JournalRow>(SelectRange, new { after, upTo, types, agencies, limit });
}
