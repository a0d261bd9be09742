-- The trace id of the delivery that journalled the event (operators follow one call across services).
ALTER TABLE dbo.event_journal ADD trace_id NVARCHAR(32) NULL;
