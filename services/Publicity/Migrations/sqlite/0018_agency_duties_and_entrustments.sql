-- 执法主体公示 (国办发〔2018〕118号; seed task T2(3)): each agency's duties (职责) and status basis (主体资格依据), as the
-- Agency message's JSON (duties, status_bases), with a version and the day of its latest update (laws and mandates change).
-- Agencies registered before carry an empty disclosure at version 1.
ALTER TABLE agencies ADD COLUMN disclosure TEXT NOT NULL DEFAULT '{}';
ALTER TABLE agencies ADD COLUMN disclosure_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE agencies ADD COLUMN disclosure_updated_at TEXT NULL;

-- 受委托组织 (《行政处罚法》第二十条): every entrustment of an entrusted organisation, one row per version (the first, each
-- renewal or change). The one in force on a day is the latest version starting on or before it, if it has not ended.
CREATE TABLE entrustments (
    entrusted_code   TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    entrusting_code  TEXT    NOT NULL,
    scope            TEXT    NOT NULL,
    power_item_codes TEXT    NOT NULL,
    document_number  TEXT    NOT NULL,
    valid_from       TEXT    NOT NULL,
    valid_to         TEXT    NOT NULL,
    registered_at    TEXT    NOT NULL,
    registered_by    TEXT    NOT NULL,
    PRIMARY KEY (entrusted_code, version)
);

-- The entrusted organisation that made a decision registered under its entrusting agency (null: the agency itself).
ALTER TABLE decisions ADD COLUMN acting_organisation_code TEXT NULL;
