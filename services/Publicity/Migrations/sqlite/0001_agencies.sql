-- 执法主体 — enforcement bodies registered on the platform (owned by Publicity).
CREATE TABLE agencies (
    credit_code     TEXT NOT NULL PRIMARY KEY,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    remedy_channels TEXT NOT NULL,
    registered_at   TEXT NOT NULL,
    registered_by   TEXT NOT NULL
);
