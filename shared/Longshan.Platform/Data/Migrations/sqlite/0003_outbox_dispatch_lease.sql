-- One dispatcher at a time publishes a database's outbox (the holder of this lease), so events leave in sequence
-- order even when several instances share the database; a crashed holder's lease expires and another takes over.
CREATE TABLE outbox_dispatch_lease (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    owner      TEXT    NOT NULL,
    expires_at TEXT    NOT NULL
);
INSERT INTO outbox_dispatch_lease (id, owner, expires_at) VALUES (1, '', '0001-01-01T00:00:00.0000000Z');
