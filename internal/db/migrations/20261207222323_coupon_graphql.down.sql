-- reverse: modify "coupon_records" table
ALTER TABLE "coupon_records" DROP COLUMN "reason";
