-- 行政执法人员资格管理 (issue 12; T2(1), T24(2)(3)): training records (岗前培训 / 在岗培训 hours), exam results
-- (执法资格考试) and the national legal professional qualification (国家统一法律职业资格, exempts from the exam).
-- One row per record; body is the public message as JSON (TrainingRecord or QualificationRecord).
CREATE TABLE officer_qualification_records (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id   TEXT NOT NULL UNIQUE,
    officer_id  TEXT NOT NULL,
    agency_code TEXT NOT NULL,
    category    TEXT NOT NULL,
    body        TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX ix_officer_qualification_records_officer ON officer_qualification_records (officer_id, seq);
