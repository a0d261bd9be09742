-- Major decisions registered without a valid legal-review clearance (《行政处罚法》第五十八条), per agency and reason
-- (the clearance rule's id), from Publicity's MajorDecisionWithoutClearance.
CREATE TABLE dbo.uncleared_major_decision_counts (
    agency_code NVARCHAR(18) NOT NULL,
    rule_id     NVARCHAR(60) NOT NULL,
    flagged     BIGINT       NOT NULL,
    CONSTRAINT pk_uncleared_major_decision_counts PRIMARY KEY (agency_code, rule_id)
);
