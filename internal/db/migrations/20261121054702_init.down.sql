-- reverse: modify "users" table
ALTER TABLE "users" DROP CONSTRAINT "users_partners_users", DROP CONSTRAINT "users_customers_users";
-- reverse: modify "sessions" table
ALTER TABLE "sessions" DROP CONSTRAINT "sessions_users_sessions";
-- reverse: modify "customers" table
ALTER TABLE "customers" DROP CONSTRAINT "customers_users_assigned_customers", DROP CONSTRAINT "customers_partners_customers";
-- reverse: modify "associations" table
ALTER TABLE "associations" DROP CONSTRAINT "associations_partners_associations", DROP CONSTRAINT "associations_customers_associations";
-- reverse: create index "users_email_key" to table: "users"
DROP INDEX "users_email_key";
-- reverse: create index "user_partner_id" to table: "users"
DROP INDEX "user_partner_id";
-- reverse: create index "user_customer_id" to table: "users"
DROP INDEX "user_customer_id";
-- reverse: create "users" table
DROP TABLE "users";
-- reverse: create index "sessions_token_hash_key" to table: "sessions"
DROP INDEX "sessions_token_hash_key";
-- reverse: create index "session_user_id" to table: "sessions"
DROP INDEX "session_user_id";
-- reverse: create "sessions" table
DROP TABLE "sessions";
-- reverse: create index "partner_kind" to table: "partners"
DROP INDEX "partner_kind";
-- reverse: create index "partner_distributor_id" to table: "partners"
DROP INDEX "partner_distributor_id";
-- reverse: create "partners" table
DROP TABLE "partners";
-- reverse: create index "customers_mobile_key" to table: "customers"
DROP INDEX "customers_mobile_key";
-- reverse: create index "customers_account_name_key" to table: "customers"
DROP INDEX "customers_account_name_key";
-- reverse: create index "customer_partner_id_created_at" to table: "customers"
DROP INDEX "customer_partner_id_created_at";
-- reverse: create index "customer_partner_id_associated_at" to table: "customers"
DROP INDEX "customer_partner_id_associated_at";
-- reverse: create index "customer_manager_id" to table: "customers"
DROP INDEX "customer_manager_id";
-- reverse: create index "customer_email" to table: "customers"
DROP INDEX "customer_email";
-- reverse: create "customers" table
DROP TABLE "customers";
-- reverse: create index "association_partner_id_status_since" to table: "associations"
DROP INDEX "association_partner_id_status_since";
-- reverse: create index "association_customer_id_since" to table: "associations"
DROP INDEX "association_customer_id_since";
-- reverse: create "associations" table
DROP TABLE "associations";
