-- 法制审核 — the legal-review workflow (T10, T13–T15) and the reviewer roster (T11).

-- 审核人员名册: an agency's own legal-review staff and the county pool's advisers and lawyers assigned to it.
CREATE TABLE dbo.reviewers (
    agency_code          NCHAR(18)      NOT NULL,
    person_id            NVARCHAR(100)  NOT NULL,
    name                 NVARCHAR(100)  NOT NULL,
    kind                 NVARCHAR(40)   NOT NULL,
    first_time           BIT            NOT NULL,
    qualification_number NVARCHAR(64)   NULL,
    added_at             DATETIMEOFFSET NOT NULL,
    added_by             NVARCHAR(100)  NOT NULL,
    CONSTRAINT pk_reviewers PRIMARY KEY (agency_code, person_id)
);

-- One row per review request: its state, deadlines and opinion. version grows with every change (optimistic lock).
CREATE TABLE dbo.review_requests (
    review_id               NVARCHAR(64)   NOT NULL CONSTRAINT pk_review_requests PRIMARY KEY,
    agency_code             NCHAR(18)      NOT NULL,
    case_number             NVARCHAR(100)  NOT NULL,
    case_opened_on          DATE           NOT NULL,
    case_deadline           DATE           NOT NULL,
    complex_case            BIT            NOT NULL,
    agency_head             NVARCHAR(100)  NOT NULL,
    status                  NVARCHAR(40)   NOT NULL,
    version                 INT            NOT NULL,
    materials_version       INT            NOT NULL,
    accepted_on             DATE           NULL,
    accepted_materials      INT            NULL,
    review_due_on           DATE           NULL,
    extended                BIT            NOT NULL,
    overdue_at              DATETIMEOFFSET NULL,
    reviewer_id             NVARCHAR(100)  NULL,
    reviewer_name           NVARCHAR(100)  NULL,
    opinion                 NVARCHAR(40)   NULL,
    opinion_reasons         NVARCHAR(MAX)  NULL,
    approved_digest         NCHAR(64)      NULL,
    decided_at              DATETIMEOFFSET NULL,
    missing_materials       NVARCHAR(MAX)  NOT NULL,
    collective_participants NVARCHAR(MAX)  NOT NULL,
    collective_outcome      NVARCHAR(MAX)  NULL,
    submitted_at            DATETIMEOFFSET NOT NULL,
    updated_at              DATETIMEOFFSET NOT NULL
);
CREATE INDEX ix_review_requests_due ON dbo.review_requests (review_due_on);
CREATE INDEX ix_review_requests_case ON dbo.review_requests (agency_code, case_number);

-- Every version of a request's materials (the draft, its digest, facts, evidence, basis…), never changed.
CREATE TABLE dbo.review_versions (
    review_id    NVARCHAR(64)   NOT NULL,
    version      INT            NOT NULL,
    materials    NVARCHAR(MAX)  NOT NULL,
    draft_digest NCHAR(64)      NOT NULL,
    submitted_at DATETIMEOFFSET NOT NULL,
    submitted_by NVARCHAR(100)  NOT NULL,
    note         NVARCHAR(MAX)  NOT NULL,
    CONSTRAINT pk_review_versions PRIMARY KEY (review_id, version)
);

-- The reviewer's finding per check (T13); a later finding of the same check replaces it.
CREATE TABLE dbo.review_findings (
    review_id   NVARCHAR(64)   NOT NULL,
    check_name  NVARCHAR(40)   NOT NULL,
    result      NVARCHAR(20)   NOT NULL,
    note        NVARCHAR(MAX)  NOT NULL,
    version     INT            NOT NULL,
    recorded_by NVARCHAR(100)  NOT NULL,
    recorded_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_review_findings PRIMARY KEY (review_id, check_name)
);

-- 责任记录 (T15): who did each step, in which role, in order.
CREATE TABLE dbo.review_steps (
    review_id   NVARCHAR(64)   NOT NULL,
    seq         INT            NOT NULL,
    step        NVARCHAR(40)   NOT NULL,
    person_id   NVARCHAR(100)  NOT NULL,
    person_name NVARCHAR(100)  NOT NULL,
    role        NVARCHAR(40)   NOT NULL,
    at          DATETIMEOFFSET NOT NULL,
    note        NVARCHAR(MAX)  NOT NULL,
    CONSTRAINT pk_review_steps PRIMARY KEY (review_id, seq)
);
