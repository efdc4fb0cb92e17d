-- Journals and ledger entries are written once and never changed: corrections are reversing
-- journals. The database refuses UPDATE, DELETE and TRUNCATE on them, whatever path tries.
CREATE OR REPLACE FUNCTION ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ledger rows are never updated or deleted; post a reversing journal instead'
    USING ERRCODE = 'restrict_violation';
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER ledger_entries_immutable BEFORE UPDATE OR DELETE ON "ledger_entries"
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON "ledger_entries"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER journals_immutable BEFORE UPDATE OR DELETE ON "journals"
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER journals_no_truncate BEFORE TRUNCATE ON "journals"
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
