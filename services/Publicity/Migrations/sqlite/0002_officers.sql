-- 执法人员与执法证 — officers and their enforcement certificates (owned by Publicity).
-- No personal ID number: the platform does not need it, so it does not keep it.
-- The status shown to the public is computed: state (active / suspended / revoked) plus the validity dates.
CREATE TABLE officers (
    officer_id         TEXT    NOT NULL PRIMARY KEY,
    agency_code        TEXT    NOT NULL,
    name               TEXT    NOT NULL,
    certificate_number TEXT    NOT NULL,
    certificate_kind   TEXT    NOT NULL,
    issuing_body       TEXT    NOT NULL,
    valid_from         TEXT    NOT NULL,
    valid_to           TEXT    NOT NULL,
    areas              TEXT    NOT NULL,
    state              TEXT    NOT NULL,
    state_reason       TEXT    NOT NULL,
    version            INTEGER NOT NULL,
    issued_at          TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);
-- Public verification is one seek on this index.
CREATE UNIQUE INDEX ux_officers_certificate_number ON officers (certificate_number);
CREATE INDEX ix_officers_agency ON officers (agency_code, certificate_number);
