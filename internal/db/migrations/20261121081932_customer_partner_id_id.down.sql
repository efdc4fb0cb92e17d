-- reverse: create index "customer_partner_id_id" to table: "customers"
DROP INDEX "customer_partner_id_id";
