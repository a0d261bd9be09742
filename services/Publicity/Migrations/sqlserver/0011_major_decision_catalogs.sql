-- The major-decision catalog in force (重大执法决定目录清单, T12), from LegalReview's MajorDecisionCatalogPublished: one
-- row per scope ('county', or the agency's credit code for its extension) with the highest version received.
CREATE TABLE dbo.major_decision_catalogs (
    scope_key      NVARCHAR(18)   NOT NULL CONSTRAINT pk_major_decision_catalogs PRIMARY KEY,
    publisher_code NVARCHAR(18)   NOT NULL,
    version        INT            NOT NULL,
    reason         NVARCHAR(2000) NOT NULL,
    items          NVARCHAR(MAX)  NOT NULL,
    published_at   DATETIMEOFFSET NOT NULL,
    received_at    DATETIMEOFFSET NOT NULL
);
