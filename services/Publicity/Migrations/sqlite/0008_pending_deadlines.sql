-- A publication deadline that runs into a year after the last year of holiday data is pending (NULL) until that year
-- is configured (Calendar:Years, read at start-up); the deadline watch then computes it. SQLite cannot drop a NOT NULL
-- constraint, so the table is rebuilt with the same columns (0005 and 0007) and its indexes recreated.
CREATE TABLE decisions_new (
    decision_id                TEXT    NOT NULL PRIMARY KEY,
    agency_code                TEXT    NOT NULL,
    case_number                TEXT    NOT NULL,
    category                   TEXT    NOT NULL,
    decision_date              TEXT    NOT NULL,
    is_major                   INTEGER NOT NULL,
    review_clearance_reference TEXT    NULL,
    party_kind                 TEXT    NOT NULL,
    publication_deadline       TEXT    NULL,
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
    revision                   INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT uq_decisions_case UNIQUE (agency_code, case_number)
);
INSERT INTO decisions_new (
    decision_id, agency_code, case_number, category, decision_date, is_major, review_clearance_reference, party_kind,
    publication_deadline, publishable, non_publication_reasons, status, content_version, public_version, registered_at,
    registered_by, published_on, publication_overdue_at, revocation_kind, revoked_on, withdrawal_deadline, withdrawn_at,
    withdrawn_on, withdrawal_overdue_at, revision)
SELECT
    decision_id, agency_code, case_number, category, decision_date, is_major, review_clearance_reference, party_kind,
    publication_deadline, publishable, non_publication_reasons, status, content_version, public_version, registered_at,
    registered_by, published_on, publication_overdue_at, revocation_kind, revoked_on, withdrawal_deadline, withdrawn_at,
    withdrawn_on, withdrawal_overdue_at, revision
FROM decisions;
DROP TABLE decisions;
ALTER TABLE decisions_new RENAME TO decisions;
CREATE INDEX ix_decisions_publication_deadline ON decisions (publication_deadline);
CREATE INDEX ix_decisions_withdrawal_deadline ON decisions (withdrawal_deadline);
