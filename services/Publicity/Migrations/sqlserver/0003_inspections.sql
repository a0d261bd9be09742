-- 双随机、一公开 — random-inspection items, draws and published results (owned by Publicity).
-- Each row keeps the public message as JSON in body; the columns beside it are what is searched.

-- 随机抽查事项清单 — an agency's random-inspection items.
CREATE TABLE dbo.inspection_items (
    seq          BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_inspection_items PRIMARY KEY,
    item_id      UNIQUEIDENTIFIER NOT NULL CONSTRAINT ux_inspection_items_item UNIQUE,
    agency_code  NCHAR(18)        NOT NULL,
    body         NVARCHAR(MAX)    NOT NULL,
    published_at DATETIMEOFFSET   NOT NULL,
    published_by NVARCHAR(200)    NOT NULL
);
CREATE INDEX ix_inspection_items_agency ON dbo.inspection_items (agency_code, seq);

-- A draw with every input needed to re-run it (seed, algorithm, pool, eligible officers, conflicts) and its assignments.
CREATE TABLE dbo.inspection_draws (
    seq         BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_inspection_draws PRIMARY KEY,
    draw_id     UNIQUEIDENTIFIER NOT NULL CONSTRAINT ux_inspection_draws_draw UNIQUE,
    agency_code NCHAR(18)        NOT NULL,
    item_id     UNIQUEIDENTIFIER NOT NULL,
    body        NVARCHAR(MAX)    NOT NULL,
    drawn_at    DATETIMEOFFSET   NOT NULL,
    drawn_by    NVARCHAR(200)    NOT NULL
);
CREATE INDEX ix_inspection_draws_agency ON dbo.inspection_draws (agency_code, seq);

-- 抽查结果 — the published outcome per drawn target.
CREATE TABLE dbo.inspection_results (
    seq          BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_inspection_results PRIMARY KEY,
    draw_id      UNIQUEIDENTIFIER NOT NULL,
    target_id    NVARCHAR(100)    NOT NULL,
    agency_code  NCHAR(18)        NOT NULL,
    body         NVARCHAR(MAX)    NOT NULL,
    published_at DATETIMEOFFSET   NOT NULL,
    published_by NVARCHAR(200)    NOT NULL,
    CONSTRAINT ux_inspection_results_target UNIQUE (draw_id, target_id)
);
CREATE INDEX ix_inspection_results_agency ON dbo.inspection_results (agency_code, seq);
CREATE INDEX ix_inspection_results_draw ON dbo.inspection_results (draw_id, seq);
