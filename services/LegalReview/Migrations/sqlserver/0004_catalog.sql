-- 重大执法决定目录清单 (T12): every version of the county base catalog (scope 'county') and of each agency's extension
-- (scope = its credit code), with the reason of the change. Never changed; the highest version is in force.
CREATE TABLE dbo.catalog_versions (
    scope        NVARCHAR(18)   NOT NULL,
    version      INT            NOT NULL,
    catalog      NVARCHAR(MAX)  NOT NULL,
    reason       NVARCHAR(MAX)  NOT NULL,
    published_at DATETIMEOFFSET NOT NULL,
    published_by NVARCHAR(100)  NOT NULL,
    CONSTRAINT pk_catalog_versions PRIMARY KEY (scope, version)
);
