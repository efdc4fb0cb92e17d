-- Coupon records (发放回收记录) are append-only like journals: the database refuses UPDATE,
-- DELETE and TRUNCATE on them, whatever path tries (ledger_refuse_change is the ledger's).
CREATE TRIGGER coupon_records_immutable BEFORE UPDATE OR DELETE ON "coupon_records"
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER coupon_records_no_truncate BEFORE TRUNCATE ON "coupon_records"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
