-- 权责清单 — the power and duty list (国办发〔2018〕118号; T2). Every version of an enforcement item (行政执法事项) is its
-- own immutable row; power_items points at each item's current version so that the current list is one indexed join.

CREATE TABLE power_item_versions (
    agency_code    TEXT    NOT NULL REFERENCES agencies (credit_code),
    item_code      TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    status         TEXT    NOT NULL,  -- in-force | withdrawn
    name           TEXT    NOT NULL,
    category       TEXT    NOT NULL,  -- permit | penalty | … | other
    content        TEXT    NOT NULL,  -- PowerItemContent as protobuf JSON: legal bases, steps, remedies, service guide
    change_reason  TEXT    NOT NULL,  -- initial | law-amended | mandate-changed | correction | other
    change_note    TEXT    NOT NULL,
    effective_from TEXT    NOT NULL,
    published_by   TEXT    NOT NULL,
    PRIMARY KEY (agency_code, item_code, version)
);

-- A published version is history: changing it would rewrite what the public was told.
CREATE TRIGGER tr_power_item_versions_immutable BEFORE UPDATE ON power_item_versions
BEGIN
    SELECT RAISE(ABORT, 'power_item_versions rows are immutable: publish a new version');
END;

CREATE TABLE power_items (
    agency_code     TEXT    NOT NULL,
    item_code       TEXT    NOT NULL,
    current_version INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    category        TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    PRIMARY KEY (agency_code, item_code),
    FOREIGN KEY (agency_code, item_code, current_version) REFERENCES power_item_versions (agency_code, item_code, version)
);

-- An agency's list in force, optionally of one category, in item-code order (keyset paging).
CREATE INDEX ix_power_items_list ON power_items (agency_code, status, category, item_code);
