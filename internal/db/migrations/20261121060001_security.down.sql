-- reverse: create index "apikey_partner_id_created_at" to table: "api_keys"
DROP INDEX "apikey_partner_id_created_at";
-- reverse: create index "api_keys_prefix_key" to table: "api_keys"
DROP INDEX "api_keys_prefix_key";
-- reverse: create "api_keys" table
DROP TABLE "api_keys";
-- reverse: create index "auditlog_partner_id_created_at" to table: "audit_logs"
DROP INDEX "auditlog_partner_id_created_at";
-- reverse: create index "auditlog_actor_id_action_created_at" to table: "audit_logs"
DROP INDEX "auditlog_actor_id_action_created_at";
-- reverse: create index "auditlog_action_subject_hash_created_at" to table: "audit_logs"
DROP INDEX "auditlog_action_subject_hash_created_at";
-- reverse: create index "auditlog_action_remote_addr_created_at" to table: "audit_logs"
DROP INDEX "auditlog_action_remote_addr_created_at";
-- reverse: create "audit_logs" table
DROP TABLE "audit_logs";
-- reverse: modify "users" table
ALTER TABLE "users" DROP COLUMN "totp_last_step", DROP COLUMN "totp_pending_secret", DROP COLUMN "totp_secret";
-- reverse: modify "partners" table
ALTER TABLE "partners" DROP COLUMN "require_step_up";
