-- 行政执法决定公开 — ex-post publicity (T4). The original (unredacted) content and the public versions live in
-- different tables: decision_originals is never read by a public query; public_* tables hold only redacted text.

-- One row per registered decision: its lifecycle, deadlines and overdue marks. No personal data.
CREATE TABLE dbo.decisions (
    decision_id                UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_decisions PRIMARY KEY,
    agency_code                NVARCHAR(18)     NOT NULL,
    case_number                NVARCHAR(100)    NOT NULL,
    category                   NVARCHAR(20)     NOT NULL,
    decision_date              DATE             NOT NULL,
    is_major                   BIT              NOT NULL,
    review_clearance_reference NVARCHAR(100)    NULL,
    party_kind                 NVARCHAR(20)     NOT NULL,
    publication_deadline       DATE             NOT NULL,
    publishable                BIT              NOT NULL,
    non_publication_reasons    NVARCHAR(1000)   NOT NULL,
    status                     NVARCHAR(20)     NOT NULL,
    content_version            INT              NOT NULL,
    public_version             INT              NOT NULL,
    registered_at              DATETIMEOFFSET   NOT NULL,
    registered_by              NVARCHAR(200)    NOT NULL,
    published_on               DATE             NULL,
    publication_overdue_at     DATETIMEOFFSET   NULL,
    revocation_kind            NVARCHAR(30)     NULL,
    revoked_on                 DATE             NULL,
    withdrawal_deadline        DATE             NULL,
    withdrawn_at               DATETIMEOFFSET   NULL,
    withdrawn_on               DATE             NULL,
    withdrawal_overdue_at      DATETIMEOFFSET   NULL,
    CONSTRAINT uq_decisions_case UNIQUE (agency_code, case_number)
);
CREATE INDEX ix_decisions_publication_deadline ON dbo.decisions (publication_deadline) WHERE publication_overdue_at IS NULL;
CREATE INDEX ix_decisions_withdrawal_deadline ON dbo.decisions (withdrawal_deadline) WHERE withdrawal_overdue_at IS NULL;

-- 原始决定 — the content as decided, one row per correction. Private: personal data in clear.
CREATE TABLE dbo.decision_originals (
    decision_id UNIQUEIDENTIFIER NOT NULL,
    version     INT              NOT NULL,
    content     NVARCHAR(MAX)    NOT NULL,
    recorded_at DATETIMEOFFSET   NOT NULL,
    recorded_by NVARCHAR(200)    NOT NULL,
    CONSTRAINT pk_decision_originals PRIMARY KEY (decision_id, version)
);

-- 公开版本 — the current public version of each published decision (redacted), searched by the public. Clustered
-- on the newest-first order, so a keyword scan over all decisions reads the table in order; the bodies live apart
-- so that scan stays narrow.
CREATE TABLE dbo.public_decisions (
    decision_date DATE             NOT NULL,
    decision_id   UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_public_decisions PRIMARY KEY NONCLUSTERED,
    agency_code   NVARCHAR(18)     NOT NULL,
    category      NVARCHAR(20)     NOT NULL,
    party_kind    NVARCHAR(20)     NOT NULL,
    published_on  DATE             NOT NULL,
    withdrawn     BIT              NOT NULL,
    version       INT              NOT NULL,
    search_text   NVARCHAR(MAX)    NOT NULL
);
CREATE UNIQUE CLUSTERED INDEX cx_public_decisions_date ON dbo.public_decisions (decision_date DESC, decision_id DESC);
-- Newest-first search by agency or by category, each with a decision-date range and a keyset cursor.
CREATE INDEX ix_public_decisions_agency ON dbo.public_decisions (agency_code, decision_date DESC, decision_id DESC)
    INCLUDE (category, party_kind, published_on);
CREATE INDEX ix_public_decisions_category ON dbo.public_decisions (category, decision_date DESC, decision_id DESC)
    INCLUDE (agency_code, party_kind, published_on);

-- The current public view (PublicDecision JSON) of each published decision.
CREATE TABLE dbo.public_decision_bodies (
    decision_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_public_decision_bodies PRIMARY KEY,
    body        NVARCHAR(MAX)    NOT NULL
);

-- Every public version ever published (history stays public).
CREATE TABLE dbo.public_decision_versions (
    decision_id  UNIQUEIDENTIFIER NOT NULL,
    version      INT              NOT NULL,
    published_at DATETIMEOFFSET   NOT NULL,
    change_note  NVARCHAR(2000)   NOT NULL,
    body         NVARCHAR(MAX)    NOT NULL,
    CONSTRAINT pk_public_decision_versions PRIMARY KEY (decision_id, version)
);

-- 法制审核 clearances learned from LegalReview's ReviewCompleted events.
CREATE TABLE dbo.review_clearances (
    review_id    NVARCHAR(100)  NOT NULL CONSTRAINT pk_review_clearances PRIMARY KEY,
    agency_code  NVARCHAR(18)   NOT NULL,
    case_number  NVARCHAR(100)  NOT NULL,
    outcome      NVARCHAR(30)   NOT NULL,
    passed       BIT            NOT NULL,
    completed_at DATETIMEOFFSET NOT NULL,
    received_at  DATETIMEOFFSET NOT NULL
);
