-- 法律职业资格 learned from Publicity (issue 12): OfficerQualificationRecorded of kind legal-professional, one row per
-- officer. A roster entry may name the reviewer's officer id; a first-time reviewer whose officer holds the qualification
-- counts as qualified (《行政处罚法》第五十八条第二款), as one whose number was entered on the roster.
ALTER TABLE reviewers ADD COLUMN officer_id TEXT NULL;

CREATE TABLE officer_qualifications (
    officer_id           TEXT NOT NULL PRIMARY KEY,
    agency_code          TEXT NOT NULL,
    name                 TEXT NOT NULL,
    qualification_number TEXT NOT NULL,
    obtained_on          TEXT NOT NULL,
    recorded_at          TEXT NOT NULL
);
