-- 执法主体公示 (国办发〔2018〕118号; seed task T2(3)): each agency's duties (职责) and status basis (主体资格依据), as the
-- Agency message's JSON (duties, status_bases), with a version and the day of its latest update (laws and mandates change).
-- Agencies registered before carry an empty disclosure at version 1.
ALTER TABLE dbo.agencies ADD
    disclosure            NVARCHAR(MAX)  NOT NULL CONSTRAINT df_agencies_disclosure DEFAULT N'{}',
    disclosure_version    INT            NOT NULL CONSTRAINT df_agencies_disclosure_version DEFAULT 1,
    disclosure_updated_at DATETIMEOFFSET NULL;

-- 受委托组织 (《行政处罚法》第二十条): every entrustment of an entrusted organisation, one row per version (the first, each
-- renewal or change). The one in force on a day is the latest version starting on or before it, if it has not ended.
CREATE TABLE dbo.entrustments (
    entrusted_code   NCHAR(18)      NOT NULL,
    version          INT            NOT NULL,
    entrusting_code  NCHAR(18)      NOT NULL,
    scope            NVARCHAR(1000) NOT NULL,
    power_item_codes NVARCHAR(MAX)  NOT NULL,
    document_number  NVARCHAR(100)  NOT NULL,
    valid_from       DATE           NOT NULL,
    valid_to         DATE           NOT NULL,
    registered_at    DATETIMEOFFSET NOT NULL,
    registered_by    NVARCHAR(200)  NOT NULL,
    CONSTRAINT pk_entrustments PRIMARY KEY (entrusted_code, version)
);

-- The entrusted organisation that made a decision registered under its entrusting agency (null: the agency itself).
ALTER TABLE dbo.decisions ADD acting_organisation_code NCHAR(18) NULL;
