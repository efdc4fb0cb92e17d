-- modify "partners" table
ALTER TABLE "partners" ADD COLUMN "require_step_up" boolean NOT NULL DEFAULT false;
-- modify "users" table
ALTER TABLE "users" ADD COLUMN "totp_secret" character varying NULL, ADD COLUMN "totp_pending_secret" character varying NULL, ADD COLUMN "totp_last_step" bigint NOT NULL DEFAULT 0;
-- create "audit_logs" table
CREATE TABLE "audit_logs" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "action" character varying NOT NULL, "outcome" character varying NOT NULL DEFAULT 'ALLOWED', "actor_id" character varying NULL, "actor_name" character varying NULL, "api_key_id" character varying NULL, "partner_id" character varying NULL, "acting_for_id" character varying NULL, "target_type" character varying NULL, "target_id" character varying NULL, "sensitive_field" character varying NULL, "reason" character varying NULL, "detail" character varying NULL, "remote_addr" character varying NULL, "request_id" character varying NULL, "subject_hash" character varying NULL, PRIMARY KEY ("id"));
-- create index "auditlog_action_remote_addr_created_at" to table: "audit_logs"
CREATE INDEX "auditlog_action_remote_addr_created_at" ON "audit_logs" ("action", "remote_addr", "created_at");
-- create index "auditlog_action_subject_hash_created_at" to table: "audit_logs"
CREATE INDEX "auditlog_action_subject_hash_created_at" ON "audit_logs" ("action", "subject_hash", "created_at");
-- create index "auditlog_actor_id_action_created_at" to table: "audit_logs"
CREATE INDEX "auditlog_actor_id_action_created_at" ON "audit_logs" ("actor_id", "action", "created_at");
-- create index "auditlog_partner_id_created_at" to table: "audit_logs"
CREATE INDEX "auditlog_partner_id_created_at" ON "audit_logs" ("partner_id", "created_at");
-- create "api_keys" table
CREATE TABLE "api_keys" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "partner_id" character varying NOT NULL, "name" character varying NOT NULL, "prefix" character varying NOT NULL, "secret_hash" character varying NOT NULL, "scope" character varying NOT NULL, "last_used_at" timestamptz NULL, "revoked_at" timestamptz NULL, "created_by_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "api_keys_users_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "api_keys_prefix_key" to table: "api_keys"
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys" ("prefix");
-- create index "apikey_partner_id_created_at" to table: "api_keys"
CREATE INDEX "apikey_partner_id_created_at" ON "api_keys" ("partner_id", "created_at");
