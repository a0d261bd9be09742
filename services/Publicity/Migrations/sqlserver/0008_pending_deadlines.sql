-- A publication deadline that runs into a year after the last year of holiday data is pending (NULL) until that year
-- is configured (Calendar:Years, read at start-up); the deadline watch then computes it. The filtered index on the
-- column is dropped and recreated around the change (SQL Server refuses to alter a column an index depends on).
DROP INDEX ix_decisions_publication_deadline ON dbo.decisions;
ALTER TABLE dbo.decisions ALTER COLUMN publication_deadline DATE NULL;
CREATE INDEX ix_decisions_publication_deadline ON dbo.decisions (publication_deadline) WHERE publication_overdue_at IS NULL;
