-- 证据文件 — evidence files, stored once per content (content-addressed by SHA-256, SM3 beside it, GB/T 32905).
CREATE TABLE dbo.evidence_files (
    sha256    CHAR(64)       NOT NULL CONSTRAINT pk_evidence_files PRIMARY KEY,
    sm3       CHAR(64)       NOT NULL,
    size      BIGINT         NOT NULL,
    stored_at DATETIMEOFFSET NOT NULL
);
-- One row per completed upload; several rows may share one stored file.
CREATE TABLE dbo.evidence (
    evidence_id UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_evidence PRIMARY KEY,
    agency_code NCHAR(18)        NOT NULL,
    request_id  NVARCHAR(200)    NOT NULL,
    file_name   NVARCHAR(260)    NOT NULL,
    media_type  NVARCHAR(100)    NOT NULL,
    size        BIGINT           NOT NULL,
    sha256      CHAR(64)         NOT NULL CONSTRAINT fk_evidence_file REFERENCES dbo.evidence_files (sha256),
    uploaded_by NVARCHAR(200)    NOT NULL,
    uploaded_at DATETIMEOFFSET   NOT NULL
);
CREATE UNIQUE INDEX ux_evidence_request ON dbo.evidence (agency_code, request_id);
-- Unfinished uploads: the bytes so far are in the store's partial file; no evidence row exists until it is complete.
CREATE TABLE dbo.upload_sessions (
    agency_code NCHAR(18)      NOT NULL,
    request_id  NVARCHAR(200)  NOT NULL,
    file_name   NVARCHAR(260)  NOT NULL,
    media_type  NVARCHAR(100)  NOT NULL,
    size        BIGINT         NOT NULL,
    sha256      CHAR(64)       NOT NULL,
    started_by  NVARCHAR(200)  NOT NULL,
    started_at  DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_upload_sessions PRIMARY KEY (agency_code, request_id)
);
-- The one append point of every stored record and file hash: the seam of the later tamper-evident log (RFC 6962).
CREATE TABLE dbo.archive_log (
    sequence    BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_archive_log PRIMARY KEY,
    kind        NVARCHAR(40)   NOT NULL,
    subject     NVARCHAR(200)  NOT NULL,
    agency_code NCHAR(18)      NOT NULL,
    sha256      CHAR(64)       NOT NULL,
    sm3         CHAR(64)       NOT NULL,
    recorded_by NVARCHAR(200)  NOT NULL,
    recorded_at DATETIMEOFFSET NOT NULL
);
