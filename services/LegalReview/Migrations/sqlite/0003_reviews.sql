-- 法制审核 — the legal-review workflow (T10, T13–T15) and the reviewer roster (T11).

-- 审核人员名册: an agency's own legal-review staff and the county pool's advisers and lawyers assigned to it.
CREATE TABLE reviewers (
    agency_code          TEXT    NOT NULL,
    person_id            TEXT    NOT NULL,
    name                 TEXT    NOT NULL,
    kind                 TEXT    NOT NULL,
    first_time           INTEGER NOT NULL,
    qualification_number TEXT    NULL,
    added_at             TEXT    NOT NULL,
    added_by             TEXT    NOT NULL,
    PRIMARY KEY (agency_code, person_id)
);

-- One row per review request: its state, deadlines and opinion. version grows with every change (optimistic lock).
CREATE TABLE review_requests (
    review_id               TEXT    NOT NULL PRIMARY KEY,
    agency_code             TEXT    NOT NULL,
    case_number             TEXT    NOT NULL,
    case_opened_on          TEXT    NOT NULL,
    case_deadline           TEXT    NOT NULL,
    complex_case            INTEGER NOT NULL,
    agency_head             TEXT    NOT NULL,
    status                  TEXT    NOT NULL,
    version                 INTEGER NOT NULL,
    materials_version       INTEGER NOT NULL,
    accepted_on             TEXT    NULL,
    accepted_materials      INTEGER NULL,
    review_due_on           TEXT    NULL,
    extended                INTEGER NOT NULL,
    overdue_at              TEXT    NULL,
    reviewer_id             TEXT    NULL,
    reviewer_name           TEXT    NULL,
    opinion                 TEXT    NULL,
    opinion_reasons         TEXT    NULL,
    approved_digest         TEXT    NULL,
    decided_at              TEXT    NULL,
    missing_materials       TEXT    NOT NULL,
    collective_participants TEXT    NOT NULL,
    collective_outcome      TEXT    NULL,
    submitted_at            TEXT    NOT NULL,
    updated_at              TEXT    NOT NULL
);
CREATE INDEX ix_review_requests_due ON review_requests (review_due_on);
CREATE INDEX ix_review_requests_case ON review_requests (agency_code, case_number);

-- Every version of a request's materials (the draft, its digest, facts, evidence, basis…), never changed.
CREATE TABLE review_versions (
    review_id    TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    materials    TEXT    NOT NULL,
    draft_digest TEXT    NOT NULL,
    submitted_at TEXT    NOT NULL,
    submitted_by TEXT    NOT NULL,
    note         TEXT    NOT NULL,
    PRIMARY KEY (review_id, version)
);

-- The reviewer's finding per check (T13); a later finding of the same check replaces it.
CREATE TABLE review_findings (
    review_id   TEXT    NOT NULL,
    check_name  TEXT    NOT NULL,
    result      TEXT    NOT NULL,
    note        TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    recorded_by TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    PRIMARY KEY (review_id, check_name)
);

-- 责任记录 (T15): who did each step, in which role, in order.
CREATE TABLE review_steps (
    review_id   TEXT    NOT NULL,
    seq         INTEGER NOT NULL,
    step        TEXT    NOT NULL,
    person_id   TEXT    NOT NULL,
    person_name TEXT    NOT NULL,
    role        TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    note        TEXT    NOT NULL,
    PRIMARY KEY (review_id, seq)
);
