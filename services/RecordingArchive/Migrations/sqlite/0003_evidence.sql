-- 证据文件 — evidence files, stored once per content (content-addressed by SHA-256, SM3 beside it, GB/T 32905).
CREATE TABLE evidence_files (
    sha256    TEXT    NOT NULL PRIMARY KEY,
    sm3       TEXT    NOT NULL,
    size      INTEGER NOT NULL,
    stored_at TEXT    NOT NULL
);
-- One row per completed upload; several rows may share one stored file.
CREATE TABLE evidence (
    evidence_id TEXT    NOT NULL PRIMARY KEY,
    agency_code TEXT    NOT NULL,
    request_id  TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    media_type  TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT    NOT NULL REFERENCES evidence_files (sha256),
    uploaded_by TEXT    NOT NULL,
    uploaded_at TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_evidence_request ON evidence (agency_code, request_id);
-- Unfinished uploads: the bytes so far are in the store's partial file; no evidence row exists until it is complete.
CREATE TABLE upload_sessions (
    agency_code TEXT    NOT NULL,
    request_id  TEXT    NOT NULL,
    file_name   TEXT    NOT NULL,
    media_type  TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    sha256      TEXT    NOT NULL,
    started_by  TEXT    NOT NULL,
    started_at  TEXT    NOT NULL,
    PRIMARY KEY (agency_code, request_id)
);
-- The one append point of every stored record and file hash: the seam of the later tamper-evident log (RFC 6962).
CREATE TABLE archive_log (
    sequence    INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    kind        TEXT    NOT NULL,
    subject     TEXT    NOT NULL,
    agency_code TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    sm3         TEXT    NOT NULL,
    recorded_by TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL
);
