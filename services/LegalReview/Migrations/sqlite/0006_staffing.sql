-- 法制审核人员配备 (国办发〔2018〕118号; T11): enforcement officers as learned from Publicity's officer events (a
-- projection; version = the certificate record's version, the highest wins) and whether an agency's reviewer ratio is
-- below the minimum (so the flag is raised once per crossing).
CREATE TABLE enforcement_officers (
    officer_id  TEXT    NOT NULL PRIMARY KEY,
    agency_code TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    valid_to    TEXT    NOT NULL,
    version     INTEGER NOT NULL
);
CREATE INDEX ix_enforcement_officers_agency ON enforcement_officers (agency_code);

CREATE TABLE staffing_flags (
    agency_code TEXT    NOT NULL PRIMARY KEY,
    below       INTEGER NOT NULL,
    changed_at  TEXT    NOT NULL
);
