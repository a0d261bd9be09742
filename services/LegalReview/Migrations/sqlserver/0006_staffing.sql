-- 法制审核人员配备 (国办发〔2018〕118号; T11): enforcement officers as learned from Publicity's officer events (a
-- projection; version = the certificate record's version, the highest wins) and whether an agency's reviewer ratio is
-- below the minimum (so the flag is raised once per crossing).
CREATE TABLE dbo.enforcement_officers (
    officer_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_enforcement_officers PRIMARY KEY,
    agency_code NCHAR(18)        NOT NULL,
    status      NVARCHAR(20)     NOT NULL,
    valid_to    DATE             NOT NULL,
    version     INT              NOT NULL
);
CREATE INDEX ix_enforcement_officers_agency ON dbo.enforcement_officers (agency_code);

CREATE TABLE dbo.staffing_flags (
    agency_code NCHAR(18)      NOT NULL CONSTRAINT pk_staffing_flags PRIMARY KEY,
    below       BIT            NOT NULL,
    changed_at  DATETIMEOFFSET NOT NULL
);
