-- modify "customers" table
ALTER TABLE "customers" ADD COLUMN "manager_assigned_at" timestamptz NULL, ADD COLUMN "own_balance" bigint NOT NULL;
-- create "verification_codes" table
CREATE TABLE "verification_codes" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "purpose" character varying NOT NULL, "target_hash" character varying NOT NULL, "code_hash" character varying NOT NULL, "expires_at" timestamptz NOT NULL, "used_at" timestamptz NULL, "attempts" bigint NOT NULL DEFAULT 0, PRIMARY KEY ("id"));
-- create index "verificationcode_purpose_target_hash_created_at" to table: "verification_codes"
CREATE INDEX "verificationcode_purpose_target_hash_created_at" ON "verification_codes" ("purpose", "target_hash", "created_at");
-- create "association_events" table
CREATE TABLE "association_events" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "initiator" character varying NOT NULL, "from_type" character varying NULL, "to_type" character varying NULL, "reason" character varying NULL, "status" character varying NOT NULL DEFAULT 'DONE', "operator_id" character varying NULL, "operator_name" character varying NULL, "decided_by_name" character varying NULL, "decided_at" timestamptz NULL, "decision_reason" character varying NULL, "customer_id" character varying NOT NULL, "partner_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "association_events_customers_association_events" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "association_events_partners_association_events" FOREIGN KEY ("partner_id") REFERENCES "partners" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION);
-- create index "associationevent_customer_id_created_at" to table: "association_events"
CREATE INDEX "associationevent_customer_id_created_at" ON "association_events" ("customer_id", "created_at");
-- create index "associationevent_partner_id_created_at" to table: "association_events"
CREATE INDEX "associationevent_partner_id_created_at" ON "association_events" ("partner_id", "created_at");
-- create index "associationevent_partner_id_status" to table: "association_events"
CREATE INDEX "associationevent_partner_id_status" ON "association_events" ("partner_id", "status");
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
