-- 行政执法决定公开 — ex-post publicity (T4). The original (unredacted) content and the public versions live in
-- different tables: decision_originals is never read by a public query; public_* tables hold only redacted text.

-- One row per registered decision: its lifecycle, deadlines and overdue marks. No personal data.
CREATE TABLE decisions (
    decision_id                TEXT    NOT NULL PRIMARY KEY,
    agency_code                TEXT    NOT NULL,
    case_number                TEXT    NOT NULL,
    category                   TEXT    NOT NULL,
    decision_date              TEXT    NOT NULL,
    is_major                   INTEGER NOT NULL,
    review_clearance_reference TEXT    NULL,
    party_kind                 TEXT    NOT NULL,
    publication_deadline       TEXT    NOT NULL,
    publishable                INTEGER NOT NULL,
    non_publication_reasons    TEXT    NOT NULL,
    status                     TEXT    NOT NULL,
    content_version            INTEGER NOT NULL,
    public_version             INTEGER NOT NULL,
    registered_at              TEXT    NOT NULL,
    registered_by              TEXT    NOT NULL,
    published_on               TEXT    NULL,
    publication_overdue_at     TEXT    NULL,
    revocation_kind            TEXT    NULL,
    revoked_on                 TEXT    NULL,
    withdrawal_deadline        TEXT    NULL,
    withdrawn_at               TEXT    NULL,
    withdrawn_on               TEXT    NULL,
    withdrawal_overdue_at      TEXT    NULL,
    CONSTRAINT uq_decisions_case UNIQUE (agency_code, case_number)
);
CREATE INDEX ix_decisions_publication_deadline ON decisions (publication_deadline);
CREATE INDEX ix_decisions_withdrawal_deadline ON decisions (withdrawal_deadline);

-- 原始决定 — the content as decided, one row per correction. Private: personal data in clear.
CREATE TABLE decision_originals (
    decision_id TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    content     TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    recorded_by TEXT    NOT NULL,
    PRIMARY KEY (decision_id, version)
);

-- 公开版本 — the current public version of each published decision (redacted), searched by the public. Clustered
-- (WITHOUT ROWID) on the newest-first order, so a keyword scan over all decisions reads the table in order; the
-- bodies live apart so that scan stays narrow.
CREATE TABLE public_decisions (
    decision_date TEXT    NOT NULL,
    decision_id   TEXT    NOT NULL,
    agency_code   TEXT    NOT NULL,
    category      TEXT    NOT NULL,
    party_kind    TEXT    NOT NULL,
    published_on  TEXT    NOT NULL,
    withdrawn     INTEGER NOT NULL,
    version       INTEGER NOT NULL,
    search_text   TEXT    NOT NULL,
    PRIMARY KEY (decision_date, decision_id)
) WITHOUT ROWID;
CREATE UNIQUE INDEX ux_public_decisions_id ON public_decisions (decision_id);
-- Newest-first search by agency or by category, each with a decision-date range and a keyset cursor.
CREATE INDEX ix_public_decisions_agency ON public_decisions (agency_code, decision_date, decision_id);
CREATE INDEX ix_public_decisions_category ON public_decisions (category, decision_date, decision_id);

-- The current public view (PublicDecision JSON) of each published decision.
CREATE TABLE public_decision_bodies (
    decision_id TEXT NOT NULL PRIMARY KEY,
    body        TEXT NOT NULL
);

-- Every public version ever published (history stays public).
CREATE TABLE public_decision_versions (
    decision_id  TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    published_at TEXT    NOT NULL,
    change_note  TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    PRIMARY KEY (decision_id, version)
);

-- 法制审核 clearances learned from LegalReview's ReviewCompleted events.
CREATE TABLE review_clearances (
    review_id    TEXT    NOT NULL PRIMARY KEY,
    agency_code  TEXT    NOT NULL,
    case_number  TEXT    NOT NULL,
    outcome      TEXT    NOT NULL,
    passed       INTEGER NOT NULL,
    completed_at TEXT    NOT NULL,
    received_at  TEXT    NOT NULL
);
