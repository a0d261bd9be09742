-- 政务服务窗口岗位信息公示 (issue 12 point 9; seed task T3(3) 政务服务窗口规范设置岗位信息公示牌).
-- A window of an agency; number_key is the window number with leading zeros of a numeric number dropped and left-padded,
-- so "3" and "03" are one window and windows sort 1, 2, 10. Matters are a JSON array of text.
CREATE TABLE dbo.service_windows (
    window_id         UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_service_windows PRIMARY KEY,
    agency_code       NCHAR(18)        NOT NULL,
    number            NVARCHAR(16)     NOT NULL,
    number_key        NVARCHAR(16)     NOT NULL,
    name              NVARCHAR(100)    NOT NULL,
    hall              NVARCHAR(200)    NOT NULL,
    floor             NVARCHAR(100)    NOT NULL,
    matters           NVARCHAR(MAX)    NOT NULL,
    opening_hours     NVARCHAR(200)    NOT NULL,
    supervision_phone NVARCHAR(40)     NOT NULL,
    version           INT              NOT NULL,
    registered_at     DATETIMEOFFSET   NOT NULL,
    registered_by     NVARCHAR(200)    NOT NULL,
    updated_at        DATETIMEOFFSET   NOT NULL,
    updated_by        NVARCHAR(200)    NOT NULL
);
CREATE UNIQUE INDEX ux_service_windows_number ON dbo.service_windows (agency_code, number_key);

-- 岗位信息公示牌: every board a window had (history: who was on duty when). The current board is the highest version;
-- replaced_at is set when the next one is written. staff is a JSON array of WindowStaff (name, post, staff number,
-- certificate number, period) — no ID or telephone number of a person is taken.
CREATE TABLE dbo.service_window_boards (
    seq         BIGINT IDENTITY(1, 1) NOT NULL CONSTRAINT pk_service_window_boards PRIMARY KEY,
    window_id   UNIQUEIDENTIFIER NOT NULL,
    agency_code NCHAR(18)        NOT NULL,
    version     INT              NOT NULL,
    staff       NVARCHAR(MAX)    NOT NULL,
    set_at      DATETIMEOFFSET   NOT NULL,
    set_by      NVARCHAR(200)    NOT NULL,
    replaced_at DATETIMEOFFSET   NULL
);
CREATE UNIQUE INDEX ux_service_window_boards_version ON dbo.service_window_boards (window_id, version);
