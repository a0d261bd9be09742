-- 公开审核 — collect → review → publish (issue 12 point 8; seed task T1(1)): an agency may require that what an officer
-- prepares for publication is approved by a second person with the publisher role before it goes public.

-- One row per agency that set its policy; an agency without a row publishes directly (requires_approval off).
CREATE TABLE dbo.publication_policies (
    agency_code       NVARCHAR(18)   NOT NULL CONSTRAINT pk_publication_policies PRIMARY KEY,
    requires_approval BIT            NOT NULL,
    updated_at        DATETIMEOFFSET NOT NULL,
    updated_by        NVARCHAR(200)  NOT NULL
);

-- Who prepared (采集、传递) and who approved (审核、发布) a decision's publication, from their tokens (sub and name), and
-- the last rejection. A decision awaiting approval is still registered (status), so the publication deadline watch
-- sees it as unpublished.
ALTER TABLE dbo.decisions ADD
    prepared_at      DATETIMEOFFSET NULL,
    prepared_by      NVARCHAR(200)  NULL,
    prepared_by_name NVARCHAR(200)  NULL,
    approved_at      DATETIMEOFFSET NULL,
    approved_by      NVARCHAR(200)  NULL,
    approved_by_name NVARCHAR(200)  NULL,
    rejected_at      DATETIMEOFFSET NULL,
    rejected_by      NVARCHAR(200)  NULL,
    rejected_by_name NVARCHAR(200)  NULL,
    rejection_reason NVARCHAR(500)  NULL;
