-- modify "customers" table
ALTER TABLE "customers" ADD COLUMN "manager_assigned_at" timestamptz NULL;
-- create "idempotency_records" table
CREATE TABLE "idempotency_records" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "scope" character varying NOT NULL, "key" character varying NOT NULL, "operation" character varying NOT NULL, "request_hash" character varying NOT NULL, "response" text NULL, "expires_at" timestamptz NOT NULL, PRIMARY KEY ("id"));
-- create index "idempotencyrecord_expires_at" to table: "idempotency_records"
CREATE INDEX "idempotencyrecord_expires_at" ON "idempotency_records" ("expires_at");
-- create index "idempotencyrecord_scope_key" to table: "idempotency_records"
CREATE UNIQUE INDEX "idempotencyrecord_scope_key" ON "idempotency_records" ("scope", "key");
-- create "verification_codes" table
CREATE TABLE "verification_codes" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "purpose" character varying NOT NULL, "target_hash" character varying NOT NULL, "code_hash" character varying NOT NULL, "expires_at" timestamptz NOT NULL, "used_at" timestamptz NULL, "attempts" bigint NOT NULL DEFAULT 0, PRIMARY KEY ("id"));
-- create index "verificationcode_purpose_target_hash_created_at" to table: "verification_codes"
CREATE INDEX "verificationcode_purpose_target_hash_created_at" ON "verification_codes" ("purpose", "target_hash", "created_at");
-- create "accounts" table
CREATE TABLE "accounts" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "owner_key" character varying NOT NULL, "balance" bigint NOT NULL, "updated_at" timestamptz NOT NULL, "customer_id" character varying NULL, "partner_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "accounts_customers_accounts" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "accounts_partners_accounts" FOREIGN KEY ("partner_id") REFERENCES "partners" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "account_balance_non_negative" CHECK ((balance >= 0) OR ((kind)::text = 'EXTERNAL'::text)));
-- create index "account_customer_id" to table: "accounts"
CREATE INDEX "account_customer_id" ON "accounts" ("customer_id");
-- create index "account_partner_id" to table: "accounts"
CREATE INDEX "account_partner_id" ON "accounts" ("partner_id");
-- create index "accounts_owner_key_key" to table: "accounts"
CREATE UNIQUE INDEX "accounts_owner_key_key" ON "accounts" ("owner_key");
-- create "association_events" table
CREATE TABLE "association_events" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "initiator" character varying NOT NULL, "from_type" character varying NULL, "to_type" character varying NULL, "reason" character varying NULL, "status" character varying NOT NULL DEFAULT 'DONE', "operator_id" character varying NULL, "operator_name" character varying NULL, "decided_by_name" character varying NULL, "decided_at" timestamptz NULL, "decision_reason" character varying NULL, "customer_id" character varying NOT NULL, "partner_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "association_events_customers_association_events" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "association_events_partners_association_events" FOREIGN KEY ("partner_id") REFERENCES "partners" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "associationevent_customer_id_created_at" to table: "association_events"
CREATE INDEX "associationevent_customer_id_created_at" ON "association_events" ("customer_id", "created_at");
-- create index "associationevent_partner_id_created_at" to table: "association_events"
CREATE INDEX "associationevent_partner_id_created_at" ON "association_events" ("partner_id", "created_at");
-- create index "associationevent_partner_id_status" to table: "association_events"
CREATE INDEX "associationevent_partner_id_status" ON "association_events" ("partner_id", "status");
-- create "journals" table
CREATE TABLE "journals" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "transaction_no" character varying NOT NULL, "amount" bigint NOT NULL, "partner_id" character varying NULL, "counterparty_partner_id" character varying NULL, "acting_for_id" character varying NULL, "operator_id" character varying NULL, "operator_name" character varying NULL, "idempotency_key" character varying NULL, "reason" character varying NULL, "batch_id" character varying NULL, "customer_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "journals_customers_journals" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "journal_counterparty_partner_id_created_at" to table: "journals"
CREATE INDEX "journal_counterparty_partner_id_created_at" ON "journals" ("counterparty_partner_id", "created_at");
-- create index "journal_customer_id_created_at" to table: "journals"
CREATE INDEX "journal_customer_id_created_at" ON "journals" ("customer_id", "created_at");
-- create index "journal_partner_id_created_at" to table: "journals"
CREATE INDEX "journal_partner_id_created_at" ON "journals" ("partner_id", "created_at");
-- create index "journals_transaction_no_key" to table: "journals"
CREATE UNIQUE INDEX "journals_transaction_no_key" ON "journals" ("transaction_no");
-- create "ledger_entries" table
CREATE TABLE "ledger_entries" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "amount" bigint NOT NULL, "balance_after" bigint NOT NULL, "account_id" character varying NOT NULL, "journal_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "ledger_entries_accounts_entries" FOREIGN KEY ("account_id") REFERENCES "accounts" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "ledger_entries_journals_entries" FOREIGN KEY ("journal_id") REFERENCES "journals" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "ledgerentry_account_id_created_at" to table: "ledger_entries"
CREATE INDEX "ledgerentry_account_id_created_at" ON "ledger_entries" ("account_id", "created_at");
-- create index "ledgerentry_journal_id" to table: "ledger_entries"
CREATE INDEX "ledgerentry_journal_id" ON "ledger_entries" ("journal_id");
-- create "manager_assignments" table
CREATE TABLE "manager_assignments" ("id" character varying NOT NULL, "partner_id" character varying NOT NULL, "assigned_by_name" character varying NULL, "assigned_at" timestamptz NOT NULL, "ended_at" timestamptz NULL, "customer_id" character varying NOT NULL, "manager_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "manager_assignments_customers_manager_assignments" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "manager_assignments_users_manager_assignments" FOREIGN KEY ("manager_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "managerassignment_customer_id_assigned_at" to table: "manager_assignments"
CREATE INDEX "managerassignment_customer_id_assigned_at" ON "manager_assignments" ("customer_id", "assigned_at");
-- create index "managerassignment_manager_id_assigned_at" to table: "manager_assignments"
CREATE INDEX "managerassignment_manager_id_assigned_at" ON "manager_assignments" ("manager_id", "assigned_at");
-- create "reseller_applications" table
CREATE TABLE "reseller_applications" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "message" character varying NULL, "status" character varying NOT NULL DEFAULT 'PENDING', "decided_by_name" character varying NULL, "decided_at" timestamptz NULL, "decision_reason" character varying NULL, "reseller_id" character varying NOT NULL, "distributor_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "reseller_applications_partners_applications_received" FOREIGN KEY ("distributor_id") REFERENCES "partners" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "reseller_applications_partners_applications_sent" FOREIGN KEY ("reseller_id") REFERENCES "partners" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "resellerapplication_distributor_id_status_created_at" to table: "reseller_applications"
CREATE INDEX "resellerapplication_distributor_id_status_created_at" ON "reseller_applications" ("distributor_id", "status", "created_at");
-- create index "resellerapplication_reseller_id_created_at" to table: "reseller_applications"
CREATE INDEX "resellerapplication_reseller_id_created_at" ON "reseller_applications" ("reseller_id", "created_at");
