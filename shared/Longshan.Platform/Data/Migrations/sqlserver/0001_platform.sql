-- Platform tables every service has: transactional outbox, idempotent inbox, audit log, request log.

CREATE TABLE dbo.outbox_messages (
    sequence        BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_outbox_messages PRIMARY KEY,
    event_id        UNIQUEIDENTIFIER NOT NULL CONSTRAINT uq_outbox_event_id UNIQUE,
    event_type      NVARCHAR(200)  NOT NULL,
    agency_code     NVARCHAR(18)   NOT NULL,
    body            NVARCHAR(MAX)  NOT NULL,
    trace_parent    NVARCHAR(100)  NULL,
    occurred_at     DATETIMEOFFSET NOT NULL,
    attempts        INT            NOT NULL CONSTRAINT df_outbox_attempts DEFAULT 0,
    next_attempt_at DATETIMEOFFSET NULL,
    last_error      NVARCHAR(2000) NULL,
    sent_at         DATETIMEOFFSET NULL
);
CREATE INDEX ix_outbox_pending ON dbo.outbox_messages (sequence) WHERE sent_at IS NULL;

CREATE TABLE dbo.inbox_messages (
    consumer   NVARCHAR(200)    NOT NULL,
    event_id   UNIQUEIDENTIFIER NOT NULL,
    event_type NVARCHAR(200)    NOT NULL,
    trace_id   NVARCHAR(32)     NULL,
    handled_at DATETIMEOFFSET   NOT NULL,
    CONSTRAINT pk_inbox_messages PRIMARY KEY (consumer, event_id)
);

CREATE TABLE dbo.audit_log (
    id          BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_audit_log PRIMARY KEY,
    occurred_at DATETIMEOFFSET NOT NULL,
    subject     NVARCHAR(200)  NOT NULL,
    agency_code NVARCHAR(18)   NOT NULL,
    action      NVARCHAR(200)  NOT NULL,
    target      NVARCHAR(400)  NOT NULL,
    trace_id    NVARCHAR(32)   NULL
);

CREATE TABLE dbo.request_log (
    agency_code NVARCHAR(18)   NOT NULL,
    rpc         NVARCHAR(200)  NOT NULL,
    request_id  NVARCHAR(100)  NOT NULL,
    response    VARBINARY(MAX) NOT NULL,
    created_at  DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_request_log PRIMARY KEY (agency_code, rpc, request_id)
);
