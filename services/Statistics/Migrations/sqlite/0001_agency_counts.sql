-- Registered enforcement bodies per kind, counted from AgencyRegistered events (one increment per event).
CREATE TABLE agency_kind_counts (
    kind     TEXT    NOT NULL PRIMARY KEY,
    agencies INTEGER NOT NULL
);
