-- The request log keys on the caller (agency, person and roles: column caller = subject#roles), the RPC and the request_id, and keeps a hash of the
-- request, so a reused request_id with other content is refused instead of answered with another call's result.
-- Rows written before this migration keep an empty caller and no hash: they no longer match any new call.
ALTER TABLE request_log RENAME TO request_log_v1;
CREATE TABLE request_log (
    agency_code  TEXT NOT NULL,
    caller       TEXT NOT NULL,
    rpc          TEXT NOT NULL,
    request_id   TEXT NOT NULL,
    request_hash BLOB NULL,
    response     BLOB NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (agency_code, caller, rpc, request_id)
);
INSERT INTO request_log (agency_code, caller, rpc, request_id, request_hash, response, created_at)
SELECT agency_code, '', rpc, request_id, NULL, response, created_at FROM request_log_v1;
DROP TABLE request_log_v1;

-- The audit log records the person's name beside the subject id.
ALTER TABLE audit_log ADD COLUMN subject_name TEXT NULL;
