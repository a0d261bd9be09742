-- Enforcement bodies as learned from Publicity's AgencyRegistered events (a projection; Publicity owns agencies).
CREATE TABLE dbo.known_agencies (
    credit_code   NCHAR(18)      NOT NULL CONSTRAINT pk_known_agencies PRIMARY KEY,
    name          NVARCHAR(200)  NOT NULL,
    kind          NVARCHAR(50)   NOT NULL,
    registered_at DATETIMEOFFSET NOT NULL
);
