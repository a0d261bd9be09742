-- 行政裁量权基准 (《行政处罚法》第三十四条; T18): every version of an agency's benchmark per violation item, with its reason.
CREATE TABLE dbo.discretion_benchmarks (
    agency_code  NCHAR(18)      NOT NULL,
    item_code    NVARCHAR(60)   NOT NULL,
    version      INT            NOT NULL,
    benchmark    NVARCHAR(MAX)  NOT NULL,
    reason       NVARCHAR(MAX)  NOT NULL,
    published_at DATETIMEOFFSET NOT NULL,
    published_by NVARCHAR(100)  NOT NULL,
    CONSTRAINT pk_discretion_benchmarks PRIMARY KEY (agency_code, item_code, version)
);
