-- 执法人员与执法证 — officers and their enforcement certificates (owned by Publicity).
-- No personal ID number: the platform does not need it, so it does not keep it.
-- The status shown to the public is computed: state (active / suspended / revoked) plus the validity dates.
CREATE TABLE dbo.officers (
    officer_id         UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_officers PRIMARY KEY,
    agency_code        NCHAR(18)        NOT NULL,
    name               NVARCHAR(100)    NOT NULL,
    certificate_number NVARCHAR(40)     NOT NULL,
    certificate_kind   NVARCHAR(30)     NOT NULL,
    issuing_body       NVARCHAR(200)    NOT NULL,
    valid_from         DATE             NOT NULL,
    valid_to           DATE             NOT NULL,
    areas              NVARCHAR(MAX)    NOT NULL,
    state              NVARCHAR(20)     NOT NULL,
    state_reason       NVARCHAR(500)    NOT NULL,
    version            INT              NOT NULL,
    issued_at          DATETIMEOFFSET   NOT NULL,
    updated_at         DATETIMEOFFSET   NOT NULL
);
-- Public verification is one seek on this index.
CREATE UNIQUE INDEX ux_officers_certificate_number ON dbo.officers (certificate_number);
CREATE INDEX ix_officers_agency ON dbo.officers (agency_code, certificate_number);
