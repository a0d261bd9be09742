-- The major-decision catalog in force (重大执法决定目录清单, T12), from LegalReview's MajorDecisionCatalogPublished: one
-- row per scope ('county', or the agency's credit code for its extension) with the highest version received.
CREATE TABLE major_decision_catalogs (
    scope_key      TEXT    NOT NULL PRIMARY KEY,
    publisher_code TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    reason         TEXT    NOT NULL,
    items          TEXT    NOT NULL,
    published_at   TEXT    NOT NULL,
    received_at    TEXT    NOT NULL
);
