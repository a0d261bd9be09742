-- Major decisions registered without a valid legal-review clearance (《行政处罚法》第五十八条), per agency and reason
-- (the clearance rule's id), from Publicity's MajorDecisionWithoutClearance.
CREATE TABLE uncleared_major_decision_counts (
    agency_code TEXT    NOT NULL,
    rule_id     TEXT    NOT NULL,
    flagged     INTEGER NOT NULL,
    PRIMARY KEY (agency_code, rule_id)
);
