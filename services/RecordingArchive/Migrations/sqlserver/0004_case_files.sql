-- Officers and the versions of their certificates, learned from Publicity's OfficerCertified / OfficerCertificateChanged
-- (a projection): whether a certificate was valid on a given day (APL art. 42, 55).
CREATE TABLE dbo.officers (
    officer_id         UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_officers PRIMARY KEY,
    agency_code        NCHAR(18)        NOT NULL,
    name               NVARCHAR(100)    NOT NULL,
    certificate_number NVARCHAR(40)     NOT NULL
);
CREATE UNIQUE INDEX ux_officers_certificate ON dbo.officers (certificate_number);
CREATE TABLE dbo.certificate_versions (
    officer_id   UNIQUEIDENTIFIER NOT NULL,
    version      INT              NOT NULL,
    state        NVARCHAR(20)     NOT NULL,
    valid_from   DATE             NOT NULL,
    valid_to     DATE             NOT NULL,
    effective_on DATE             NOT NULL,
    CONSTRAINT pk_certificate_versions PRIMARY KEY (officer_id, version)
);
-- 执法案卷 — case files. Officers, activities: JSON arrays. status open → archived (sealed).
CREATE TABLE dbo.case_files (
    case_id      UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_case_files PRIMARY KEY,
    agency_code  NCHAR(18)        NOT NULL,
    case_number  NVARCHAR(100)    NOT NULL,
    category     NVARCHAR(30)     NOT NULL,
    party_kind   NVARCHAR(20)     NOT NULL,
    party_name   NVARCHAR(200)    NOT NULL,
    stage        NVARCHAR(20)     NOT NULL,
    opened_on    DATE             NOT NULL,
    closed_on    DATE             NULL,
    officers     NVARCHAR(MAX)    NOT NULL,
    is_major     BIT              NOT NULL,
    activities   NVARCHAR(MAX)    NOT NULL,
    status       NVARCHAR(20)     NOT NULL,
    retention    NVARCHAR(20)     NOT NULL,
    archived_at  DATETIMEOFFSET   NULL,
    created_at   DATETIMEOFFSET   NOT NULL
);
CREATE UNIQUE INDEX ux_case_files_number ON dbo.case_files (agency_code, case_number);
-- Text, in-process and audio/video records of a case; details: JSON (officers, certificates shown, rights, audio/video).
CREATE TABLE dbo.case_records (
    sequence           BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_case_records PRIMARY KEY,
    record_id          UNIQUEIDENTIFIER NOT NULL CONSTRAINT ux_case_records_record UNIQUE,
    case_id            UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_case_records_case REFERENCES dbo.case_files (case_id),
    kind               NVARCHAR(40)     NOT NULL,
    title              NVARCHAR(200)    NOT NULL,
    occurred_on        DATE             NOT NULL,
    evidence_id        UNIQUEIDENTIFIER NULL,
    author             NVARCHAR(200)    NOT NULL,
    author_name        NVARCHAR(200)    NOT NULL,
    recorded_at        DATETIMEOFFSET   NOT NULL,
    details            NVARCHAR(MAX)    NOT NULL,
    corrects_record_id UNIQUEIDENTIFIER NULL
);
CREATE INDEX ix_case_records_case ON dbo.case_records (case_id, sequence);
CREATE INDEX ix_case_records_evidence ON dbo.case_records (evidence_id);
-- 法制审核结论 — from LegalReview's ReviewCompleted; case_number normalised.
CREATE TABLE dbo.review_clearances (
    review_id    NVARCHAR(100)  NOT NULL CONSTRAINT pk_review_clearances PRIMARY KEY,
    agency_code  NCHAR(18)      NOT NULL,
    case_number  NVARCHAR(100)  NOT NULL,
    outcome      NVARCHAR(40)   NOT NULL,
    passed       BIT            NOT NULL,
    completed_at DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_review_clearances_case ON dbo.review_clearances (agency_code, case_number);
-- 调阅 — retrieval requests and every read made through them.
CREATE TABLE dbo.retrievals (
    retrieval_id     UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_retrievals PRIMARY KEY,
    case_id          UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_retrievals_case REFERENCES dbo.case_files (case_id),
    agency_code      NCHAR(18)        NOT NULL,
    requested_by     NVARCHAR(200)    NOT NULL,
    requester_agency NCHAR(18)        NOT NULL,
    reason           NVARCHAR(500)    NOT NULL,
    status           NVARCHAR(20)     NOT NULL,
    approved_by      NVARCHAR(200)    NULL,
    requested_at     DATETIMEOFFSET   NOT NULL,
    approved_at      DATETIMEOFFSET   NULL
);
CREATE TABLE dbo.retrieval_reads (
    sequence      BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_retrieval_reads PRIMARY KEY,
    read_id       UNIQUEIDENTIFIER NOT NULL CONSTRAINT ux_retrieval_reads_read UNIQUE,
    retrieval_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT fk_retrieval_reads_retrieval REFERENCES dbo.retrievals (retrieval_id),
    agency_code   NCHAR(18)        NOT NULL,
    read_by       NVARCHAR(200)    NOT NULL,
    reader_agency NCHAR(18)        NOT NULL,
    target        NVARCHAR(100)    NOT NULL,
    read_at       DATETIMEOFFSET   NOT NULL,
    read_on       DATE             NOT NULL,
    trace_id      CHAR(32)         NULL
);
CREATE INDEX ix_retrieval_reads_agency ON dbo.retrieval_reads (agency_code, read_on);
