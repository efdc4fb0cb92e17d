-- reverse: create index "products_code_key" to table: "products"
DROP INDEX "products_code_key";
-- reverse: create index "product_service_type_id_status" to table: "products"
DROP INDEX "product_service_type_id_status";
-- reverse: create "products" table
DROP TABLE "products";
-- reverse: create index "service_types_code_key" to table: "service_types"
DROP INDEX "service_types_code_key";
-- reverse: create "service_types" table
DROP TABLE "service_types";
