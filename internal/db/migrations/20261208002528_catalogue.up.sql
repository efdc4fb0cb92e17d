-- create "service_types" table
CREATE TABLE "service_types" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "code" character varying NOT NULL, "name_zh" character varying NOT NULL, "name_en" character varying NOT NULL, "sort_order" bigint NOT NULL DEFAULT 0, PRIMARY KEY ("id"));
-- create index "service_types_code_key" to table: "service_types"
CREATE UNIQUE INDEX "service_types_code_key" ON "service_types" ("code");
-- create "products" table
CREATE TABLE "products" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "code" character varying NOT NULL, "name_zh" character varying NOT NULL, "name_en" character varying NOT NULL, "spec" character varying NOT NULL DEFAULT '', "billing_modes" character varying NOT NULL, "order_types" character varying NOT NULL, "monthly_price" bigint NOT NULL DEFAULT 0, "on_demand_price" bigint NOT NULL DEFAULT 0, "on_demand_unit" character varying NOT NULL DEFAULT '', "regions" character varying NOT NULL DEFAULT '', "status" character varying NOT NULL DEFAULT 'ACTIVE', "service_type_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "products_service_types_products" FOREIGN KEY ("service_type_id") REFERENCES "service_types" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "product_prices_not_negative" CHECK ((monthly_price >= 0) AND (on_demand_price >= 0)));
-- create index "product_service_type_id_status" to table: "products"
CREATE INDEX "product_service_type_id_status" ON "products" ("service_type_id", "status");
-- create index "products_code_key" to table: "products"
CREATE UNIQUE INDEX "products_code_key" ON "products" ("code");
