-- Enforcement bodies as learned from Publicity's AgencyRegistered events (a projection; Publicity owns agencies).
CREATE TABLE known_agencies (
    credit_code   TEXT NOT NULL PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    registered_at TEXT NOT NULL
);
