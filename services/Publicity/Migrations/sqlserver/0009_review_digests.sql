-- The gate bound to the exact text (《行政处罚法》第五十八条): a clearance records the digest of the draft it approved
-- (ReviewCompleted.draftDigest), a decision the digest of its content as the agency names it. Null for rows before.
ALTER TABLE dbo.review_clearances ADD draft_digest NCHAR(64) NULL;
ALTER TABLE dbo.decisions ADD content_digest NCHAR(64) NULL;
