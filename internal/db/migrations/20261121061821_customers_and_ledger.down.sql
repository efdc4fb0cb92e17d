-- reverse: create index "resellerapplication_reseller_id_created_at" to table: "reseller_applications"
DROP INDEX "resellerapplication_reseller_id_created_at";
-- reverse: create index "resellerapplication_distributor_id_status_created_at" to table: "reseller_applications"
DROP INDEX "resellerapplication_distributor_id_status_created_at";
-- reverse: create "reseller_applications" table
DROP TABLE "reseller_applications";
-- reverse: create index "managerassignment_manager_id_assigned_at" to table: "manager_assignments"
DROP INDEX "managerassignment_manager_id_assigned_at";
-- reverse: create index "managerassignment_customer_id_assigned_at" to table: "manager_assignments"
DROP INDEX "managerassignment_customer_id_assigned_at";
-- reverse: create "manager_assignments" table
DROP TABLE "manager_assignments";
-- reverse: create index "ledgerentry_journal_id" to table: "ledger_entries"
DROP INDEX "ledgerentry_journal_id";
-- reverse: create index "ledgerentry_account_id_created_at" to table: "ledger_entries"
DROP INDEX "ledgerentry_account_id_created_at";
-- reverse: create "ledger_entries" table
DROP TABLE "ledger_entries";
-- reverse: create index "journals_transaction_no_key" to table: "journals"
DROP INDEX "journals_transaction_no_key";
-- reverse: create index "journal_partner_id_created_at" to table: "journals"
DROP INDEX "journal_partner_id_created_at";
-- reverse: create index "journal_customer_id_created_at" to table: "journals"
DROP INDEX "journal_customer_id_created_at";
-- reverse: create index "journal_counterparty_partner_id_created_at" to table: "journals"
DROP INDEX "journal_counterparty_partner_id_created_at";
-- reverse: create "journals" table
DROP TABLE "journals";
-- reverse: create index "associationevent_partner_id_status" to table: "association_events"
DROP INDEX "associationevent_partner_id_status";
-- reverse: create index "associationevent_partner_id_created_at" to table: "association_events"
DROP INDEX "associationevent_partner_id_created_at";
-- reverse: create index "associationevent_customer_id_created_at" to table: "association_events"
DROP INDEX "associationevent_customer_id_created_at";
-- reverse: create "association_events" table
DROP TABLE "association_events";
-- reverse: create index "accounts_owner_key_key" to table: "accounts"
DROP INDEX "accounts_owner_key_key";
-- reverse: create index "account_partner_id" to table: "accounts"
DROP INDEX "account_partner_id";
-- reverse: create index "account_customer_id" to table: "accounts"
DROP INDEX "account_customer_id";
-- reverse: create "accounts" table
DROP TABLE "accounts";
-- reverse: create index "verificationcode_purpose_target_hash_created_at" to table: "verification_codes"
DROP INDEX "verificationcode_purpose_target_hash_created_at";
-- reverse: create "verification_codes" table
DROP TABLE "verification_codes";
-- reverse: create index "idempotencyrecord_scope_key" to table: "idempotency_records"
DROP INDEX "idempotencyrecord_scope_key";
-- reverse: create index "idempotencyrecord_expires_at" to table: "idempotency_records"
DROP INDEX "idempotencyrecord_expires_at";
-- reverse: create "idempotency_records" table
DROP TABLE "idempotency_records";
-- reverse: modify "customers" table
ALTER TABLE "customers" DROP COLUMN "manager_assigned_at";
