-- 公开文本检索 (issue 12): an FTS5 trigram index over the public text of every published decision
-- (public_decisions.search_text: case number, agency, party as published, facts, legal basis, conclusion, withdrawal
-- reason), so a keyword of 3 or more characters finds its rows through the index instead of a LIKE over every row.
-- The search still checks LIKE on the rows the index finds: answers are exactly those of the LIKE search
-- (PublicDecisionStore.SearchPublicAsync).
--
-- public_decisions is clustered on (decision_date, decision_id) WITHOUT ROWID; the index needs integer row ids, so
-- public_decision_text_keys gives each public decision one (text_id = the index's rowid). The index is contentless
-- (content=''): it keeps no second copy of the text, only the trigrams; contentless_delete lets a row be replaced.
CREATE TABLE public_decision_text_keys (
    text_id       INTEGER PRIMARY KEY,
    decision_id   TEXT NOT NULL UNIQUE,
    decision_date TEXT NOT NULL
);

CREATE VIRTUAL TABLE public_decision_text USING fts5(
    search_text, content = '', contentless_delete = 1, tokenize = 'trigram case_sensitive 0');

-- Decisions published before this migration.
INSERT INTO public_decision_text_keys (decision_id, decision_date)
SELECT decision_id, decision_date FROM public_decisions ORDER BY decision_date, decision_id;

INSERT INTO public_decision_text (rowid, search_text)
SELECT k.text_id, p.search_text
FROM public_decision_text_keys k JOIN public_decisions p ON p.decision_date = k.decision_date AND p.decision_id = k.decision_id;

-- Kept in step by the database itself, whichever statement writes the public text: publication (insert), a new
-- public version, the withdrawal notice (update of search_text), removal (delete).
CREATE TRIGGER public_decision_text_on_insert AFTER INSERT ON public_decisions
BEGIN
    INSERT INTO public_decision_text_keys (decision_id, decision_date) VALUES (new.decision_id, new.decision_date);
    INSERT INTO public_decision_text (rowid, search_text)
    SELECT text_id, new.search_text FROM public_decision_text_keys WHERE decision_id = new.decision_id;
END;

CREATE TRIGGER public_decision_text_on_update AFTER UPDATE OF search_text, decision_date, decision_id ON public_decisions
WHEN old.search_text IS NOT new.search_text OR old.decision_date IS NOT new.decision_date OR old.decision_id IS NOT new.decision_id
BEGIN
    DELETE FROM public_decision_text WHERE rowid = (SELECT text_id FROM public_decision_text_keys WHERE decision_id = old.decision_id);
    UPDATE public_decision_text_keys SET decision_id = new.decision_id, decision_date = new.decision_date WHERE decision_id = old.decision_id;
    INSERT INTO public_decision_text (rowid, search_text)
    SELECT text_id, new.search_text FROM public_decision_text_keys WHERE decision_id = new.decision_id;
END;

CREATE TRIGGER public_decision_text_on_delete AFTER DELETE ON public_decisions
BEGIN
    DELETE FROM public_decision_text WHERE rowid = (SELECT text_id FROM public_decision_text_keys WHERE decision_id = old.decision_id);
    DELETE FROM public_decision_text_keys WHERE decision_id = old.decision_id;
END;
