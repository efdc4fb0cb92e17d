-- reverse: create index "couponlimit_quota_id_limit_key" to table: "coupon_limits"
DROP INDEX "couponlimit_quota_id_limit_key";
-- reverse: create index "couponlimit_coupon_id_limit_key" to table: "coupon_limits"
DROP INDEX "couponlimit_coupon_id_limit_key";
-- reverse: create "coupon_limits" table
DROP TABLE "coupon_limits";
-- reverse: create index "account_quota_id" to table: "accounts"
DROP INDEX "account_quota_id";
-- reverse: create index "account_coupon_id" to table: "accounts"
DROP INDEX "account_coupon_id";
-- reverse: modify "accounts" table
ALTER TABLE "accounts" DROP CONSTRAINT "accounts_coupons_accounts", DROP CONSTRAINT "accounts_coupon_quotas_accounts", DROP COLUMN "quota_id", DROP COLUMN "coupon_id";
-- reverse: create index "coupon_quota_id" to table: "coupons"
DROP INDEX "coupon_quota_id";
-- reverse: create index "coupon_partner_id_status_valid_until" to table: "coupons"
DROP INDEX "coupon_partner_id_status_valid_until";
-- reverse: create index "coupon_customer_id_status_valid_until" to table: "coupons"
DROP INDEX "coupon_customer_id_status_valid_until";
-- reverse: create "coupons" table
DROP TABLE "coupons";
-- reverse: create index "customerwhitelist_partner_id_customer_id" to table: "customer_whitelists"
DROP INDEX "customerwhitelist_partner_id_customer_id";
-- reverse: create "customer_whitelists" table
DROP TABLE "customer_whitelists";
-- reverse: create index "couponrecord_quota_id" to table: "coupon_records"
DROP INDEX "couponrecord_quota_id";
-- reverse: create index "couponrecord_partner_id_created_at" to table: "coupon_records"
DROP INDEX "couponrecord_partner_id_created_at";
-- reverse: create index "couponrecord_customer_id_created_at" to table: "coupon_records"
DROP INDEX "couponrecord_customer_id_created_at";
-- reverse: create index "couponrecord_coupon_id" to table: "coupon_records"
DROP INDEX "couponrecord_coupon_id";
-- reverse: create "coupon_records" table
DROP TABLE "coupon_records";
-- reverse: create index "couponquota_partner_id_kind_status" to table: "coupon_quotas"
DROP INDEX "couponquota_partner_id_kind_status";
-- reverse: create index "couponquota_parent_quota_id" to table: "coupon_quotas"
DROP INDEX "couponquota_parent_quota_id";
-- reverse: create "coupon_quotas" table
DROP TABLE "coupon_quotas";
