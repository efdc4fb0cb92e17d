DROP TRIGGER IF EXISTS journals_no_truncate ON "journals";
DROP TRIGGER IF EXISTS journals_immutable ON "journals";
DROP TRIGGER IF EXISTS ledger_entries_no_truncate ON "ledger_entries";
DROP TRIGGER IF EXISTS ledger_entries_immutable ON "ledger_entries";
DROP FUNCTION IF EXISTS ledger_refuse_change();
