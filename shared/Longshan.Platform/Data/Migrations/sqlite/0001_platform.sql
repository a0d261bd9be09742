-- Platform tables every service has: transactional outbox, idempotent inbox, audit log, request log.

-- Events written in the same transaction as the state change; the dispatcher publishes them in sequence order.
CREATE TABLE outbox_messages (
    sequence        INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id        TEXT    NOT NULL UNIQUE,
    event_type      TEXT    NOT NULL,
    agency_code     TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    trace_parent    TEXT    NULL,
    occurred_at     TEXT    NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NULL,
    last_error      TEXT    NULL,
    sent_at         TEXT    NULL
);
CREATE INDEX ix_outbox_pending ON outbox_messages (sequence) WHERE sent_at IS NULL;

-- One row per event a consumer has applied: a redelivered event finds its row and is skipped.
CREATE TABLE inbox_messages (
    consumer   TEXT NOT NULL,
    event_id   TEXT NOT NULL,
    event_type TEXT NOT NULL,
    trace_id   TEXT NULL,
    handled_at TEXT NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

-- Every accepted write: who, what, when, and the trace that carried it.
CREATE TABLE audit_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_at  TEXT NOT NULL,
    subject      TEXT NOT NULL,
    agency_code  TEXT NOT NULL,
    action       TEXT NOT NULL,
    target       TEXT NOT NULL,
    trace_id     TEXT NULL
);

-- Responses of create/submit RPCs by the caller's request_id, so a retry returns the first result.
CREATE TABLE request_log (
    agency_code TEXT NOT NULL,
    rpc         TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    response    BLOB NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (agency_code, rpc, request_id)
);
