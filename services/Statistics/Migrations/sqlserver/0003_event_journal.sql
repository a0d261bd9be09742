-- The event journal: every integration event once (by event_id), with its body as published. A consumer inserts the
-- row without a position; the single sequencer (JournalSequencer, under an application lock) gives committed rows
-- their dense position (the feed's cursor) in its own transaction, so positions become visible in order and a reader
-- after cursor c never skips a row that committed late.
CREATE TABLE dbo.event_journal (
    id             BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_event_journal PRIMARY KEY,
    position       BIGINT           NULL,
    event_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT uq_event_journal_event_id UNIQUE,
    event_type     NVARCHAR(200)    NOT NULL,
    schema_version INT              NOT NULL,
    agency_code    NVARCHAR(18)     NOT NULL,
    occurred_at    DATETIMEOFFSET   NOT NULL,
    journalled_at  DATETIMEOFFSET   NOT NULL,
    body           NVARCHAR(MAX)    NOT NULL
);
CREATE UNIQUE INDEX ux_event_journal_position ON dbo.event_journal (position) INCLUDE (event_type, agency_code) WHERE position IS NOT NULL;
CREATE INDEX ix_event_journal_unsequenced ON dbo.event_journal (id) WHERE position IS NULL;
