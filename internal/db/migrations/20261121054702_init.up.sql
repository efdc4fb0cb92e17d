-- create "associations" table
CREATE TABLE "associations" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "type" character varying NOT NULL, "status" character varying NOT NULL DEFAULT 'ACTIVE', "since" timestamptz NOT NULL, "ended_at" timestamptz NULL, "customer_id" character varying NOT NULL, "partner_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- create index "association_customer_id_since" to table: "associations"
CREATE INDEX "association_customer_id_since" ON "associations" ("customer_id", "since");
-- create index "association_partner_id_status_since" to table: "associations"
CREATE INDEX "association_partner_id_status_since" ON "associations" ("partner_id", "status", "since");
-- create "customers" table
CREATE TABLE "customers" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "account_name" character varying NOT NULL, "name" character varying NOT NULL, "mobile" character varying NOT NULL, "email" character varying NOT NULL, "province_code" character varying NULL, "city_code" character varying NULL, "label" character varying NULL, "remark" character varying NULL, "association_type" character varying NULL, "associated_at" timestamptz NULL, "grace_period_days" bigint NOT NULL DEFAULT 0, "frozen" boolean NOT NULL DEFAULT false, "partner_id" character varying NULL, "manager_id" character varying NULL, PRIMARY KEY ("id"));
-- create index "customer_email" to table: "customers"
CREATE INDEX "customer_email" ON "customers" ("email");
-- create index "customer_manager_id" to table: "customers"
CREATE INDEX "customer_manager_id" ON "customers" ("manager_id");
-- create index "customer_partner_id_associated_at" to table: "customers"
CREATE INDEX "customer_partner_id_associated_at" ON "customers" ("partner_id", "associated_at");
-- create index "customer_partner_id_created_at" to table: "customers"
CREATE INDEX "customer_partner_id_created_at" ON "customers" ("partner_id", "created_at");
-- create index "customers_account_name_key" to table: "customers"
CREATE UNIQUE INDEX "customers_account_name_key" ON "customers" ("account_name");
-- create index "customers_mobile_key" to table: "customers"
CREATE UNIQUE INDEX "customers_mobile_key" ON "customers" ("mobile");
-- create "partners" table
CREATE TABLE "partners" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "name" character varying NOT NULL, "kind" character varying NOT NULL, "program_name" character varying NULL, "program_level" character varying NULL, "business_verified" boolean NOT NULL DEFAULT false, "credit_limit" bigint NOT NULL, "distributor_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "partners_partners_resellers" FOREIGN KEY ("distributor_id") REFERENCES "partners" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "partner_distributor_id" to table: "partners"
CREATE INDEX "partner_distributor_id" ON "partners" ("distributor_id");
-- create index "partner_kind" to table: "partners"
CREATE INDEX "partner_kind" ON "partners" ("kind");
-- create "sessions" table
CREATE TABLE "sessions" ("id" character varying NOT NULL, "token_hash" character varying NOT NULL, "created_at" timestamptz NOT NULL, "expires_at" timestamptz NOT NULL, "revoked_at" timestamptz NULL, "remote_addr" character varying NULL, "user_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- create index "session_user_id" to table: "sessions"
CREATE INDEX "session_user_id" ON "sessions" ("user_id");
-- create index "sessions_token_hash_key" to table: "sessions"
CREATE UNIQUE INDEX "sessions_token_hash_key" ON "sessions" ("token_hash");
-- create "users" table
CREATE TABLE "users" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "email" character varying NOT NULL, "display_name" character varying NOT NULL, "password_hash" character varying NOT NULL, "role" character varying NOT NULL, "password_changed_at" timestamptz NULL, "customer_id" character varying NULL, "partner_id" character varying NULL, "supervisor_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "users_users_managed" FOREIGN KEY ("supervisor_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL);
-- create index "user_customer_id" to table: "users"
CREATE INDEX "user_customer_id" ON "users" ("customer_id");
-- create index "user_partner_id" to table: "users"
CREATE INDEX "user_partner_id" ON "users" ("partner_id");
-- create index "users_email_key" to table: "users"
CREATE UNIQUE INDEX "users_email_key" ON "users" ("email");
-- modify "associations" table
ALTER TABLE "associations" ADD CONSTRAINT "associations_customers_associations" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE RESTRICT, ADD CONSTRAINT "associations_partners_associations" FOREIGN KEY ("partner_id") REFERENCES "partners" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- modify "customers" table
ALTER TABLE "customers" ADD CONSTRAINT "customers_partners_customers" FOREIGN KEY ("partner_id") REFERENCES "partners" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "customers_users_assigned_customers" FOREIGN KEY ("manager_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- modify "sessions" table
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_users_sessions" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION;
-- modify "users" table
ALTER TABLE "users" ADD CONSTRAINT "users_customers_users" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "users_partners_users" FOREIGN KEY ("partner_id") REFERENCES "partners" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
