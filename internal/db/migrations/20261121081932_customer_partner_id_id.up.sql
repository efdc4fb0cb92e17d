-- create index "customer_partner_id_id" to table: "customers"
CREATE INDEX "customer_partner_id_id" ON "customers" ("partner_id", "id");
