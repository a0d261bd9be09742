-- Officers and the versions of their certificates, learned from Publicity's OfficerCertified / OfficerCertificateChanged
-- (a projection): whether a certificate was valid on a given day (APL art. 42, 55).
CREATE TABLE officers (
    officer_id         TEXT NOT NULL PRIMARY KEY,
    agency_code        TEXT NOT NULL,
    name               TEXT NOT NULL,
    certificate_number TEXT NOT NULL
);
CREATE UNIQUE INDEX ux_officers_certificate ON officers (certificate_number);
CREATE TABLE certificate_versions (
    officer_id   TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    state        TEXT    NOT NULL,
    valid_from   TEXT    NOT NULL,
    valid_to     TEXT    NOT NULL,
    effective_on TEXT    NOT NULL,
    PRIMARY KEY (officer_id, version)
);
-- 执法案卷 — case files. Officers, activities: JSON arrays. status open → archived (sealed).
CREATE TABLE case_files (
    case_id      TEXT    NOT NULL PRIMARY KEY,
    agency_code  TEXT    NOT NULL,
    case_number  TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    party_kind   TEXT    NOT NULL,
    party_name   TEXT    NOT NULL,
    stage        TEXT    NOT NULL,
    opened_on    TEXT    NOT NULL,
    closed_on    TEXT    NULL,
    officers     TEXT    NOT NULL,
    is_major     INTEGER NOT NULL,
    activities   TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    retention    TEXT    NOT NULL,
    archived_at  TEXT    NULL,
    created_at   TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_case_files_number ON case_files (agency_code, case_number);
-- Text, in-process and audio/video records of a case; details: JSON (officers, certificates shown, rights, audio/video).
CREATE TABLE case_records (
    sequence           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    record_id          TEXT NOT NULL UNIQUE,
    case_id            TEXT NOT NULL REFERENCES case_files (case_id),
    kind               TEXT NOT NULL,
    title              TEXT NOT NULL,
    occurred_on        TEXT NOT NULL,
    evidence_id        TEXT NULL,
    author             TEXT NOT NULL,
    author_name        TEXT NOT NULL,
    recorded_at        TEXT NOT NULL,
    details            TEXT NOT NULL,
    corrects_record_id TEXT NULL
);
CREATE INDEX ix_case_records_case ON case_records (case_id, sequence);
CREATE INDEX ix_case_records_evidence ON case_records (evidence_id);
-- 法制审核结论 — from LegalReview's ReviewCompleted; case_number normalised.
CREATE TABLE review_clearances (
    review_id    TEXT    NOT NULL PRIMARY KEY,
    agency_code  TEXT    NOT NULL,
    case_number  TEXT    NOT NULL,
    outcome      TEXT    NOT NULL,
    passed       INTEGER NOT NULL,
    completed_at TEXT    NOT NULL
);
CREATE INDEX ix_review_clearances_case ON review_clearances (agency_code, case_number);
-- 调阅 — retrieval requests and every read made through them.
CREATE TABLE retrievals (
    retrieval_id     TEXT NOT NULL PRIMARY KEY,
    case_id          TEXT NOT NULL REFERENCES case_files (case_id),
    agency_code      TEXT NOT NULL,
    requested_by     TEXT NOT NULL,
    requester_agency TEXT NOT NULL,
    reason           TEXT NOT NULL,
    status           TEXT NOT NULL,
    approved_by      TEXT NULL,
    requested_at     TEXT NOT NULL,
    approved_at      TEXT NULL
);
CREATE TABLE retrieval_reads (
    sequence      INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    read_id       TEXT NOT NULL UNIQUE,
    retrieval_id  TEXT NOT NULL REFERENCES retrievals (retrieval_id),
    agency_code   TEXT NOT NULL,
    read_by       TEXT NOT NULL,
    reader_agency TEXT NOT NULL,
    target        TEXT NOT NULL,
    read_at       TEXT NOT NULL,
    read_on       TEXT NOT NULL,
    trace_id      TEXT NULL
);
CREATE INDEX ix_retrieval_reads_agency ON retrieval_reads (agency_code, read_on);
