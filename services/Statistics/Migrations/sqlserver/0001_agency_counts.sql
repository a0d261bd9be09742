-- Registered enforcement bodies per kind, counted from AgencyRegistered events (one increment per event).
CREATE TABLE dbo.agency_kind_counts (
    kind     NVARCHAR(50) NOT NULL CONSTRAINT pk_agency_kind_counts PRIMARY KEY,
    agencies BIGINT       NOT NULL
);
