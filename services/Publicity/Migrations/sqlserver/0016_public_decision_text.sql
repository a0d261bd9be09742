-- 公开文本检索 (issue 12): on SQLite, migration 0016 adds an FTS5 trigram index over the public text of published
-- decisions. SQL Server keeps the LIKE search over dbo.public_decisions.search_text (PublicDecisionStore): its
-- full-text search needs a full-text catalog and index created outside a transaction (CREATE FULLTEXT CATALOG /
-- INDEX cannot run inside the migration's transaction), and its word breaker would not find every substring the
-- LIKE finds (Chinese case numbers, parts of words). Nothing to change here; the version is kept in step with SQLite.
SELECT 1 AS public_decision_text_unchanged;
