-- 执法主体 — enforcement bodies registered on the platform (owned by Publicity).
CREATE TABLE dbo.agencies (
    credit_code     NCHAR(18)      NOT NULL CONSTRAINT pk_agencies PRIMARY KEY,
    name            NVARCHAR(200)  NOT NULL,
    kind            NVARCHAR(50)   NOT NULL,
    remedy_channels NVARCHAR(MAX)  NOT NULL,
    registered_at   DATETIMEOFFSET NOT NULL,
    registered_by   NVARCHAR(200)  NOT NULL
);
