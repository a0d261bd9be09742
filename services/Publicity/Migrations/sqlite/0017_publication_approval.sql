-- 公开审核 — collect → review → publish (issue 12 point 8; seed task T1(1)): an agency may require that what an officer
-- prepares for publication is approved by a second person with the publisher role before it goes public.

-- One row per agency that set its policy; an agency without a row publishes directly (requires_approval off).
CREATE TABLE publication_policies (
    agency_code       TEXT    NOT NULL PRIMARY KEY,
    requires_approval INTEGER NOT NULL,
    updated_at        TEXT    NOT NULL,
    updated_by        TEXT    NOT NULL
);

-- Who prepared (采集、传递) and who approved (审核、发布) a decision's publication, from their tokens (sub and name), and
-- the last rejection. A decision awaiting approval is still registered (status), so the publication deadline watch
-- sees it as unpublished.
ALTER TABLE decisions ADD COLUMN prepared_at TEXT NULL;
ALTER TABLE decisions ADD COLUMN prepared_by TEXT NULL;
ALTER TABLE decisions ADD COLUMN prepared_by_name TEXT NULL;
ALTER TABLE decisions ADD COLUMN approved_at TEXT NULL;
ALTER TABLE decisions ADD COLUMN approved_by TEXT NULL;
ALTER TABLE decisions ADD COLUMN approved_by_name TEXT NULL;
ALTER TABLE decisions ADD COLUMN rejected_at TEXT NULL;
ALTER TABLE decisions ADD COLUMN rejected_by TEXT NULL;
ALTER TABLE decisions ADD COLUMN rejected_by_name TEXT NULL;
ALTER TABLE decisions ADD COLUMN rejection_reason TEXT NULL;
