-- 法律职业资格 learned from Publicity (issue 12): OfficerQualificationRecorded of kind legal-professional, one row per
-- officer. A roster entry may name the reviewer's officer id; a first-time reviewer whose officer holds the qualification
-- counts as qualified (《行政处罚法》第五十八条第二款), as one whose number was entered on the roster.
ALTER TABLE dbo.reviewers ADD officer_id UNIQUEIDENTIFIER NULL;

CREATE TABLE dbo.officer_qualifications (
    officer_id           UNIQUEIDENTIFIER NOT NULL CONSTRAINT pk_officer_qualifications PRIMARY KEY,
    agency_code          NCHAR(18)        NOT NULL,
    name                 NVARCHAR(100)    NOT NULL,
    qualification_number NVARCHAR(64)     NOT NULL,
    obtained_on          DATE             NOT NULL,
    recorded_at          DATETIMEOFFSET   NOT NULL
);
