-- 政务服务窗口岗位信息公示 (issue 12 point 9; seed task T3(3) 政务服务窗口规范设置岗位信息公示牌).
-- A window of an agency; number_key is the window number with leading zeros of a numeric number dropped and left-padded,
-- so "3" and "03" are one window and windows sort 1, 2, 10. Matters are a JSON array of text.
CREATE TABLE service_windows (
    window_id         TEXT    NOT NULL PRIMARY KEY,
    agency_code       TEXT    NOT NULL,
    number            TEXT    NOT NULL,
    number_key        TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    hall              TEXT    NOT NULL,
    floor             TEXT    NOT NULL,
    matters           TEXT    NOT NULL,
    opening_hours     TEXT    NOT NULL,
    supervision_phone TEXT    NOT NULL,
    version           INTEGER NOT NULL,
    registered_at     TEXT    NOT NULL,
    registered_by     TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL,
    updated_by        TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_service_windows_number ON service_windows (agency_code, number_key);

-- 岗位信息公示牌: every board a window had (history: who was on duty when). The current board is the highest version;
-- replaced_at is set when the next one is written. staff is a JSON array of WindowStaff (name, post, staff number,
-- certificate number, period) — no ID or telephone number of a person is taken.
CREATE TABLE service_window_boards (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    window_id   TEXT    NOT NULL,
    agency_code TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    staff       TEXT    NOT NULL,
    set_at      TEXT    NOT NULL,
    set_by      TEXT    NOT NULL,
    replaced_at TEXT    NULL
);
CREATE UNIQUE INDEX ux_service_window_boards_version ON service_window_boards (window_id, version);
