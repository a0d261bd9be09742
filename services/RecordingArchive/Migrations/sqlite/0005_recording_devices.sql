-- 执法记录仪 — recording devices registered per agency and unit (T7(1)); audio-video records name one.
CREATE TABLE recording_devices (
    agency_code   TEXT NOT NULL,
    device_id     TEXT NOT NULL,
    unit          TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    PRIMARY KEY (agency_code, device_id)
);
