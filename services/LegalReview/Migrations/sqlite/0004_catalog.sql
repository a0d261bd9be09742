-- 重大执法决定目录清单 (T12): every version of the county base catalog (scope 'county') and of each agency's extension
-- (scope = its credit code), with the reason of the change. Never changed; the highest version is in force.
CREATE TABLE catalog_versions (
    scope        TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    catalog      TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    published_at TEXT    NOT NULL,
    published_by TEXT    NOT NULL,
    PRIMARY KEY (scope, version)
);
