// The income and expense statement's columns.

/** A ledger amount split into the statement's debit (money out) and credit (money in) columns, both unsigned. */
export function splitDebitCredit(amount: string): { debit: string | null; credit: string | null } {
  const s = amount.trim();
  if (s.startsWith('-')) return { debit: s.slice(1), credit: null };
  if (/^\+?0*(\.0*)?$/.test(s)) return { debit: null, credit: null };
  return { debit: null, credit: s.replace(/^\+/, '') };
}
