-- One dispatcher at a time publishes a database's outbox (the holder of this lease), so events leave in sequence
-- order even when several instances share the database; a crashed holder's lease expires and another takes over.
CREATE TABLE dbo.outbox_dispatch_lease (
    id         INT            NOT NULL CONSTRAINT pk_outbox_dispatch_lease PRIMARY KEY CONSTRAINT ck_outbox_dispatch_lease_one CHECK (id = 1),
    owner      NVARCHAR(200)  NOT NULL,
    expires_at DATETIMEOFFSET NOT NULL
);
INSERT INTO dbo.outbox_dispatch_lease (id, owner, expires_at) VALUES (1, N'', '0001-01-01T00:00:00+00:00');
