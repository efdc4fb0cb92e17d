DROP TRIGGER IF EXISTS coupon_records_no_truncate ON "coupon_records";
DROP TRIGGER IF EXISTS coupon_records_immutable ON "coupon_records";
