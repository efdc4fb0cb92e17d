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
-- reverse: create index "associationevent_partner_id_status" to table: "association_events"
DROP INDEX "associationevent_partner_id_status";
-- reverse: create index "associationevent_partner_id_created_at" to table: "association_events"
DROP INDEX "associationevent_partner_id_created_at";
-- reverse: create index "associationevent_customer_id_created_at" to table: "association_events"
DROP INDEX "associationevent_customer_id_created_at";
-- reverse: create "association_events" table
DROP TABLE "association_events";
-- reverse: create index "verificationcode_purpose_target_hash_created_at" to table: "verification_codes"
DROP INDEX "verificationcode_purpose_target_hash_created_at";
-- reverse: create "verification_codes" table
DROP TABLE "verification_codes";
-- reverse: modify "customers" table
ALTER TABLE "customers" DROP COLUMN "own_balance", DROP COLUMN "manager_assigned_at";
