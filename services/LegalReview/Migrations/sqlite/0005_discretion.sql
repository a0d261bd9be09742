-- 行政裁量权基准 (《行政处罚法》第三十四条; T18): every version of an agency's benchmark per violation item, with its reason.
CREATE TABLE discretion_benchmarks (
    agency_code  TEXT    NOT NULL,
    item_code    TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    benchmark    TEXT    NOT NULL,
    reason       TEXT    NOT NULL,
    published_at TEXT    NOT NULL,
    published_by TEXT    NOT NULL,
    PRIMARY KEY (agency_code, item_code, version)
);
