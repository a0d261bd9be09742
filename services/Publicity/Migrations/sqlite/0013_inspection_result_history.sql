-- 抽查结果 (issue 12): several results per drawn target (e.g. a follow-up inspection, 复查), corrections with history (a
-- correction names the result it corrects; the earlier one stays on record, marked corrected_by), and the publication
-- deadline: 20 working days from the end of the inspection (国办发〔2018〕118号: "other decisions"), with an overdue mark
-- the deadline watch sets once. SQLite cannot drop UNIQUE (draw_id, target_id), so the table is rebuilt; existing results
-- get a generated result_id (version-4 form) and their inspection day from the stored body.
CREATE TABLE inspection_results_new (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    result_id    TEXT NOT NULL UNIQUE,
    draw_id      TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    agency_code  TEXT NOT NULL,
    inspected_on TEXT NULL,
    corrects     TEXT NULL,
    corrected_by TEXT NULL,
    body         TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL
);
INSERT INTO inspection_results_new (seq, result_id, draw_id, target_id, agency_code, inspected_on, body, published_at, published_by)
SELECT seq,
    lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
        || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
    draw_id, target_id, agency_code, json_extract(body, '$.inspectedOn'), body, published_at, published_by
FROM inspection_results;
DROP TABLE inspection_results;
ALTER TABLE inspection_results_new RENAME TO inspection_results;
CREATE INDEX ix_inspection_results_agency ON inspection_results (agency_code, seq);
CREATE INDEX ix_inspection_results_draw ON inspection_results (draw_id, seq);
CREATE INDEX ix_inspection_results_target ON inspection_results (draw_id, target_id);

-- 检查结束 → 公开期限: one row per end of an inspection of a drawn target, recorded by the agency (RecordInspectionEnd) or
-- by the first result naming that end. deadline is NULL while the holiday calendar of its year is not configured.
CREATE TABLE inspection_result_deadlines (
    draw_id      TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    ended_on     TEXT NOT NULL,
    agency_code  TEXT NOT NULL,
    item_id      TEXT NOT NULL,
    deadline     TEXT NULL,
    published_on TEXT NULL,
    result_id    TEXT NULL,
    overdue_at   TEXT NULL,
    recorded_at  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL,
    PRIMARY KEY (draw_id, target_id, ended_on)
);
CREATE INDEX ix_inspection_result_deadlines_deadline ON inspection_result_deadlines (deadline);
