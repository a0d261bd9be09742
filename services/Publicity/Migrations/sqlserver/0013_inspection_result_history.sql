-- 抽查结果 (issue 12): several results per drawn target (e.g. a follow-up inspection, 复查), corrections with history (a
-- correction names the result it corrects; the earlier one stays on record, marked corrected_by), and the publication
-- deadline: 20 working days from the end of the inspection (国办发〔2018〕118号: "other decisions"), with an overdue mark
-- the deadline watch sets once. Existing results get a generated result_id; statements naming the new columns run as
-- dynamic SQL (the script is one batch, compiled before the columns exist).
ALTER TABLE dbo.inspection_results DROP CONSTRAINT ux_inspection_results_target;
ALTER TABLE dbo.inspection_results ADD
    result_id    UNIQUEIDENTIFIER NOT NULL CONSTRAINT df_inspection_results_result_id DEFAULT NEWID(),
    inspected_on DATE             NULL,
    corrects     UNIQUEIDENTIFIER NULL,
    corrected_by UNIQUEIDENTIFIER NULL;
EXEC (N'UPDATE dbo.inspection_results SET inspected_on = TRY_CONVERT(DATE, JSON_VALUE(body, ''$.inspectedOn''));');
EXEC (N'CREATE UNIQUE INDEX ux_inspection_results_result ON dbo.inspection_results (result_id);');
EXEC (N'CREATE INDEX ix_inspection_results_target ON dbo.inspection_results (draw_id, target_id);');

-- 检查结束 → 公开期限: one row per end of an inspection of a drawn target, recorded by the agency (RecordInspectionEnd) or
-- by the first result naming that end. deadline is NULL while the holiday calendar of its year is not configured.
CREATE TABLE dbo.inspection_result_deadlines (
    draw_id      UNIQUEIDENTIFIER NOT NULL,
    target_id    NVARCHAR(100)    NOT NULL,
    ended_on     DATE             NOT NULL,
    agency_code  NCHAR(18)        NOT NULL,
    item_id      UNIQUEIDENTIFIER NOT NULL,
    deadline     DATE             NULL,
    published_on DATE             NULL,
    result_id    UNIQUEIDENTIFIER NULL,
    overdue_at   DATETIMEOFFSET   NULL,
    recorded_at  DATETIMEOFFSET   NOT NULL,
    recorded_by  NVARCHAR(200)    NOT NULL,
    CONSTRAINT pk_inspection_result_deadlines PRIMARY KEY (draw_id, target_id, ended_on)
);
CREATE INDEX ix_inspection_result_deadlines_deadline ON dbo.inspection_result_deadlines (deadline);
