-- modify "coupon_records" table
ALTER TABLE "coupon_records" ADD COLUMN "reason" character varying NULL;
