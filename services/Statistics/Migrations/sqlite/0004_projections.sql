-- Projections of the journal (each event applied once, when it is journalled).

-- Decisions per agency and category: registered, published (and of those, late), publication overdue.
CREATE TABLE decision_counts (
    agency_code         TEXT    NOT NULL,
    category            TEXT    NOT NULL,
    registered          INTEGER NOT NULL DEFAULT 0,
    published           INTEGER NOT NULL DEFAULT 0,
    published_late      INTEGER NOT NULL DEFAULT 0,
    publication_overdue INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (agency_code, category)
);

-- Withdrawals not made within 3 working days (APL art. 48), per agency.
CREATE TABLE withdrawal_overdue_counts (
    agency_code TEXT    NOT NULL PRIMARY KEY,
    overdue     INTEGER NOT NULL
);

-- Officers by agency with their certificate's latest known status (highest version wins: events may arrive out of order).
CREATE TABLE officer_roster (
    officer_id  TEXT    NOT NULL PRIMARY KEY,
    agency_code TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    status      TEXT    NOT NULL
);
CREATE INDEX ix_officer_roster_agency ON officer_roster (agency_code, status);

-- Completed legal reviews per agency and outcome.
CREATE TABLE review_counts (
    agency_code TEXT    NOT NULL,
    outcome     TEXT    NOT NULL,
    completed   INTEGER NOT NULL,
    PRIMARY KEY (agency_code, outcome)
);
