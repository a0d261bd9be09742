-- 权责清单 — the power and duty list (国办发〔2018〕118号; T2). Every version of an enforcement item (行政执法事项) is its
-- own immutable row; power_items points at each item's current version so that the current list is one indexed join.
-- Item codes compare by code point (BIN2) so that uniqueness and paging order are the same as on SQLite.

CREATE TABLE dbo.power_item_versions (
    agency_code    NCHAR(18)      NOT NULL CONSTRAINT fk_power_item_versions_agency REFERENCES dbo.agencies (credit_code),
    item_code      NVARCHAR(64)   COLLATE Latin1_General_BIN2 NOT NULL,
    version        INT            NOT NULL,
    status         NVARCHAR(20)   NOT NULL,
    name           NVARCHAR(200)  NOT NULL,
    category       NVARCHAR(20)   NOT NULL,
    content        NVARCHAR(MAX)  NOT NULL,
    change_reason  NVARCHAR(20)   NOT NULL,
    change_note    NVARCHAR(500)  NOT NULL,
    effective_from DATETIMEOFFSET NOT NULL,
    published_by   NVARCHAR(200)  NOT NULL,
    CONSTRAINT pk_power_item_versions PRIMARY KEY (agency_code, item_code, version)
);

-- A published version is history: changing it would rewrite what the public was told.
-- (CREATE TRIGGER must start a batch; the migrator runs one batch per script, hence EXEC.)
EXEC (N'CREATE TRIGGER dbo.tr_power_item_versions_immutable ON dbo.power_item_versions AFTER UPDATE AS
BEGIN
    THROW 51000, N''power_item_versions rows are immutable: publish a new version'', 1;
END');

CREATE TABLE dbo.power_items (
    agency_code     NCHAR(18)      NOT NULL,
    item_code       NVARCHAR(64)   COLLATE Latin1_General_BIN2 NOT NULL,
    current_version INT            NOT NULL,
    status          NVARCHAR(20)   NOT NULL,
    category        NVARCHAR(20)   NOT NULL,
    name            NVARCHAR(200)  NOT NULL,
    updated_at      DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_power_items PRIMARY KEY (agency_code, item_code),
    CONSTRAINT fk_power_items_current FOREIGN KEY (agency_code, item_code, current_version)
        REFERENCES dbo.power_item_versions (agency_code, item_code, version)
);

-- An agency's list in force, optionally of one category, in item-code order (keyset paging).
CREATE INDEX ix_power_items_list ON dbo.power_items (agency_code, status, category, item_code) INCLUDE (current_version);
