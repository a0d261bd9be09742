-- Projections of the journal (each event applied once, when it is journalled).

CREATE TABLE dbo.decision_counts (
    agency_code         NVARCHAR(18) NOT NULL,
    category            NVARCHAR(50) NOT NULL,
    registered          BIGINT NOT NULL CONSTRAINT df_decision_counts_registered DEFAULT 0,
    published           BIGINT NOT NULL CONSTRAINT df_decision_counts_published DEFAULT 0,
    published_late      BIGINT NOT NULL CONSTRAINT df_decision_counts_published_late DEFAULT 0,
    publication_overdue BIGINT NOT NULL CONSTRAINT df_decision_counts_overdue DEFAULT 0,
    CONSTRAINT pk_decision_counts PRIMARY KEY (agency_code, category)
);

CREATE TABLE dbo.withdrawal_overdue_counts (
    agency_code NVARCHAR(18) NOT NULL CONSTRAINT pk_withdrawal_overdue_counts PRIMARY KEY,
    overdue     BIGINT       NOT NULL
);

CREATE TABLE dbo.officer_roster (
    officer_id  UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_officer_roster PRIMARY KEY,
    agency_code NVARCHAR(18)     NOT NULL,
    version     INT              NOT NULL,
    status      NVARCHAR(20)     NOT NULL
);
CREATE INDEX ix_officer_roster_agency ON dbo.officer_roster (agency_code, status);

CREATE TABLE dbo.review_counts (
    agency_code NVARCHAR(18) NOT NULL,
    outcome     NVARCHAR(50) NOT NULL,
    completed   BIGINT       NOT NULL,
    CONSTRAINT pk_review_counts PRIMARY KEY (agency_code, outcome)
);
