// Money is CNY held as a decimal string ("12.30"); it never goes through floating point here.

/** Two-decimal amounts as the server's Decimal scalar accepts them (at most 2 decimals). */
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;
const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Largest amount one action may move: 999,999,999,999.99 (kept well inside Number's exact range for cents). */
export const MAX_INTEGER_DIGITS = 12;

/**
 * "1234567.5" -> "1,234,567.50", "-10000.00" -> "-10,000.00".
 * Strings that are not decimals come back unchanged; more than two decimals are kept as they are.
 */
export function formatMoney(value: string | null | undefined): string {
  if (value == null) return '-';
  const s = value.trim();
  const m = DECIMAL.exec(s);
  if (!m) return s;
  const [, sign, intRaw, frac = ''] = m;
  const int = intRaw.replace(/^0+(?=\d)/, '');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = frac.length >= 2 ? frac : frac.padEnd(2, '0');
  const zero = /^0*$/.test(int) && /^0*$/.test(frac);
  return `${sign === '-' && !zero ? '-' : ''}${grouped}.${fraction}`;
}

/** Why an amount typed by a person is not acceptable, as an i18n key suffix; null when it is fine. */
export type AmountProblem = 'required' | 'format' | 'decimals' | 'positive' | 'tooLarge';

export function amountProblem(input: string | null | undefined): AmountProblem | null {
  const s = (input ?? '').trim();
  if (s === '') return 'required';
  if (/^\d+\.\d{3,}$/.test(s)) return 'decimals';
  const m = AMOUNT.exec(s);
  if (!m) return 'format';
  const int = m[1].replace(/^0+(?=\d)/, '');
  if (int.length > MAX_INTEGER_DIGITS) return 'tooLarge';
  if (/^0+$/.test(m[1]) && /^0*$/.test(m[2] ?? '')) return 'positive';
  return null;
}

/** "12.3" -> "12.30", "007" -> "7.00": the canonical form to send. Assumes amountProblem() is null. */
export function normalizeAmount(input: string): string {
  const m = AMOUNT.exec(input.trim());
  if (!m) return input.trim();
  const int = m[1].replace(/^0+(?=\d)/, '');
  return `${int}.${(m[2] ?? '').padEnd(2, '0')}`;
}

/** A decimal string in cents as a BigInt ("-12.3" -> -1230n); null when it is not a decimal or has more than 2 decimals. */
export function toCents(value: string): bigint | null {
  const m = DECIMAL.exec(value.trim());
  if (!m || (m[3] ?? '').length > 2) return null;
  const cents = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -cents : cents;
}

/** -1, 0 or 1 as a < b, a = b, a > b; null when either is not a two-decimal number. */
export function compareMoney(a: string, b: string): -1 | 0 | 1 | null {
  const x = toCents(a);
  const y = toCents(b);
  if (x === null || y === null) return null;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A ledger amount split into the statement's debit (money out) and credit (money in) columns, both unsigned. */
export function splitDebitCredit(amount: string): { debit: string | null; credit: string | null } {
  const s = amount.trim();
  if (s.startsWith('-')) return { debit: s.slice(1), credit: null };
  if (/^\+?0*(\.0*)?$/.test(s)) return { debit: null, credit: null };
  return { debit: null, credit: s.replace(/^\+/, '') };
}
