-- 执法记录仪 — recording devices registered per agency and unit (T7(1)); audio-video records name one.
CREATE TABLE dbo.recording_devices (
    agency_code   NCHAR(18)      NOT NULL,
    device_id     NVARCHAR(64)   NOT NULL,
    unit          NVARCHAR(100)  NOT NULL,
    registered_at DATETIMEOFFSET NOT NULL,
    CONSTRAINT pk_recording_devices PRIMARY KEY (agency_code, device_id)
);
