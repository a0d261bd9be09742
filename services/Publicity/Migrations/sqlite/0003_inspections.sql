-- 双随机、一公开 — random-inspection items, draws and published results (owned by Publicity).
-- Each row keeps the public message as JSON in body; the columns beside it are what is searched.

-- 随机抽查事项清单 — an agency's random-inspection items.
CREATE TABLE inspection_items (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id      TEXT NOT NULL UNIQUE,
    agency_code  TEXT NOT NULL,
    body         TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL
);
CREATE INDEX ix_inspection_items_agency ON inspection_items (agency_code, seq);

-- A draw with every input needed to re-run it (seed, algorithm, pool, eligible officers, conflicts) and its assignments.
CREATE TABLE inspection_draws (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    draw_id     TEXT NOT NULL UNIQUE,
    agency_code TEXT NOT NULL,
    item_id     TEXT NOT NULL,
    body        TEXT NOT NULL,
    drawn_at    TEXT NOT NULL,
    drawn_by    TEXT NOT NULL
);
CREATE INDEX ix_inspection_draws_agency ON inspection_draws (agency_code, seq);

-- 抽查结果 — the published outcome per drawn target.
CREATE TABLE inspection_results (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    draw_id      TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    agency_code  TEXT NOT NULL,
    body         TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    UNIQUE (draw_id, target_id)
);
CREATE INDEX ix_inspection_results_agency ON inspection_results (agency_code, seq);
CREATE INDEX ix_inspection_results_draw ON inspection_results (draw_id, seq);
