-- create "coupon_quotas" table
CREATE TABLE "coupon_quotas" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "partner_id" character varying NOT NULL, "value" bigint NOT NULL DEFAULT 0, "status" character varying NOT NULL DEFAULT 'NORMAL', "valid_from" timestamptz NOT NULL, "valid_until" timestamptz NOT NULL, "parent_quota_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "coupon_quotas_coupon_quotas_children" FOREIGN KEY ("parent_quota_id") REFERENCES "coupon_quotas" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "coupon_quota_value_non_negative" CHECK (value >= 0));
-- create index "couponquota_parent_quota_id" to table: "coupon_quotas"
CREATE INDEX "couponquota_parent_quota_id" ON "coupon_quotas" ("parent_quota_id");
-- create index "couponquota_partner_id_kind_status" to table: "coupon_quotas"
CREATE INDEX "couponquota_partner_id_kind_status" ON "coupon_quotas" ("partner_id", "kind", "status");
-- create "coupon_records" table
CREATE TABLE "coupon_records" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "type" character varying NOT NULL, "amount" bigint NOT NULL DEFAULT 0, "partner_id" character varying NOT NULL, "quota_id" character varying NOT NULL, "coupon_id" character varying NULL, "customer_id" character varying NULL, "journal_id" character varying NULL, "operator_id" character varying NULL, "operator_name" character varying NULL, PRIMARY KEY ("id"));
-- create index "couponrecord_coupon_id" to table: "coupon_records"
CREATE INDEX "couponrecord_coupon_id" ON "coupon_records" ("coupon_id");
-- create index "couponrecord_customer_id_created_at" to table: "coupon_records"
CREATE INDEX "couponrecord_customer_id_created_at" ON "coupon_records" ("customer_id", "created_at");
-- create index "couponrecord_partner_id_created_at" to table: "coupon_records"
CREATE INDEX "couponrecord_partner_id_created_at" ON "coupon_records" ("partner_id", "created_at");
-- create index "couponrecord_quota_id" to table: "coupon_records"
CREATE INDEX "couponrecord_quota_id" ON "coupon_records" ("quota_id");
-- create "customer_whitelists" table
CREATE TABLE "customer_whitelists" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "partner_id" character varying NOT NULL, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"));
-- create index "customerwhitelist_partner_id_customer_id" to table: "customer_whitelists"
CREATE UNIQUE INDEX "customerwhitelist_partner_id_customer_id" ON "customer_whitelists" ("partner_id", "customer_id");
-- create "coupons" table
CREATE TABLE "coupons" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "kind" character varying NOT NULL, "partner_id" character varying NOT NULL, "face_value" bigint NOT NULL DEFAULT 0, "valid_from" timestamptz NOT NULL, "valid_until" timestamptz NOT NULL, "designated_customer_id" character varying NULL, "remark" character varying NULL, "status" character varying NOT NULL DEFAULT 'USABLE', "held_by_order_id" character varying NULL, "quota_id" character varying NOT NULL, "customer_id" character varying NOT NULL, PRIMARY KEY ("id"), CONSTRAINT "coupons_coupon_quotas_coupons" FOREIGN KEY ("quota_id") REFERENCES "coupon_quotas" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "coupons_customers_coupons" FOREIGN KEY ("customer_id") REFERENCES "customers" ("id") ON UPDATE NO ACTION ON DELETE NO ACTION, CONSTRAINT "coupon_face_value_positive" CHECK (face_value > 0));
-- create index "coupon_customer_id_status_valid_until" to table: "coupons"
CREATE INDEX "coupon_customer_id_status_valid_until" ON "coupons" ("customer_id", "status", "valid_until");
-- create index "coupon_partner_id_status_valid_until" to table: "coupons"
CREATE INDEX "coupon_partner_id_status_valid_until" ON "coupons" ("partner_id", "status", "valid_until");
-- create index "coupon_quota_id" to table: "coupons"
CREATE INDEX "coupon_quota_id" ON "coupons" ("quota_id");
-- modify "accounts" table
ALTER TABLE "accounts" ADD COLUMN "coupon_id" character varying NULL, ADD COLUMN "quota_id" character varying NULL, ADD CONSTRAINT "accounts_coupon_quotas_accounts" FOREIGN KEY ("quota_id") REFERENCES "coupon_quotas" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, ADD CONSTRAINT "accounts_coupons_accounts" FOREIGN KEY ("coupon_id") REFERENCES "coupons" ("id") ON UPDATE NO ACTION ON DELETE SET NULL;
-- create index "account_coupon_id" to table: "accounts"
CREATE INDEX "account_coupon_id" ON "accounts" ("coupon_id");
-- create index "account_quota_id" to table: "accounts"
CREATE INDEX "account_quota_id" ON "accounts" ("quota_id");
-- create "coupon_limits" table
CREATE TABLE "coupon_limits" ("id" character varying NOT NULL, "created_at" timestamptz NOT NULL, "updated_at" timestamptz NOT NULL, "limit_key" character varying NOT NULL, "value" character varying NOT NULL, "coupon_id" character varying NULL, "quota_id" character varying NULL, PRIMARY KEY ("id"), CONSTRAINT "coupon_limits_coupon_quotas_limits" FOREIGN KEY ("quota_id") REFERENCES "coupon_quotas" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "coupon_limits_coupons_limits" FOREIGN KEY ("coupon_id") REFERENCES "coupons" ("id") ON UPDATE NO ACTION ON DELETE SET NULL, CONSTRAINT "coupon_limit_one_owner" CHECK ((quota_id IS NULL) <> (coupon_id IS NULL)));
-- create index "couponlimit_coupon_id_limit_key" to table: "coupon_limits"
CREATE UNIQUE INDEX "couponlimit_coupon_id_limit_key" ON "coupon_limits" ("coupon_id", "limit_key");
-- create index "couponlimit_quota_id_limit_key" to table: "coupon_limits"
CREATE UNIQUE INDEX "couponlimit_quota_id_limit_key" ON "coupon_limits" ("quota_id", "limit_key");
