-- The request log keys on the caller (agency, person and roles: column caller = subject#roles), the RPC and the request_id, and keeps a hash of the
-- request, so a reused request_id with other content is refused instead of answered with another call's result.
-- Rows written before this migration keep an empty caller and no hash: they no longer match any new call.
ALTER TABLE dbo.request_log DROP CONSTRAINT pk_request_log;
ALTER TABLE dbo.request_log ADD caller NVARCHAR(400) NOT NULL CONSTRAINT df_request_log_caller DEFAULT N'';
ALTER TABLE dbo.request_log ADD request_hash VARBINARY(32) NULL;
ALTER TABLE dbo.request_log ADD CONSTRAINT pk_request_log PRIMARY KEY (agency_code, caller, rpc, request_id);

-- The audit log records the person's name beside the subject id.
ALTER TABLE dbo.audit_log ADD subject_name NVARCHAR(200) NULL;
