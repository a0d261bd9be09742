-- 行政执法人员资格管理 (issue 12; T2(1), T24(2)(3)): training records (岗前培训 / 在岗培训 hours), exam results
-- (执法资格考试) and the national legal professional qualification (国家统一法律职业资格, exempts from the exam).
-- One row per record; body is the public message as JSON (TrainingRecord or QualificationRecord).
CREATE TABLE dbo.officer_qualification_records (
    seq         BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_officer_qualification_records PRIMARY KEY,
    record_id   UNIQUEIDENTIFIER NOT NULL CONSTRAINT ux_officer_qualification_records_record UNIQUE,
    officer_id  UNIQUEIDENTIFIER NOT NULL,
    agency_code NCHAR(18)        NOT NULL,
    category    NVARCHAR(30)     NOT NULL,
    body        NVARCHAR(MAX)    NOT NULL,
    recorded_at DATETIMEOFFSET   NOT NULL,
    recorded_by NVARCHAR(200)    NOT NULL
);
CREATE INDEX ix_officer_qualification_records_officer ON dbo.officer_qualification_records (officer_id, seq);
