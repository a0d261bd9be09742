-- The trace id of the delivery that journalled the event (operators follow one call across services).
ALTER TABLE event_journal ADD COLUMN trace_id TEXT NULL;
