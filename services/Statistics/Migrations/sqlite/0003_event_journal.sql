-- The event journal: every integration event once (by event_id), with its body as published. A consumer inserts the
-- row without a position; the single sequencer (JournalSequencer) gives committed rows their dense position (the
-- feed's cursor) in its own transaction, so positions become visible in order and a reader after cursor c never
-- skips a row that committed late.
CREATE TABLE event_journal (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    position       INTEGER NULL,
    event_id       TEXT    NOT NULL UNIQUE,
    event_type     TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    agency_code    TEXT    NOT NULL,
    occurred_at    TEXT    NOT NULL,
    journalled_at  TEXT    NOT NULL,
    body           TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_event_journal_position ON event_journal (position) WHERE position IS NOT NULL;
CREATE INDEX ix_event_journal_unsequenced ON event_journal (id) WHERE position IS NULL;
