-- A decision's revision: 1 at registration, one more with each change of its state (publication, correction,
-- withdrawal). Its events carry it, so a subscriber keeping the latest state can order them. Existing decisions
-- start at 1: their earlier events carried no revision.
ALTER TABLE dbo.decisions ADD revision INT NOT NULL CONSTRAINT df_decisions_revision DEFAULT 1;
