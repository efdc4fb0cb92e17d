// Money is CNY held as a decimal string ("12.30", the server's Decimal scalar); it never goes
// through floating point here (DESIGN.md §3): amounts are read as digits or as BigInt fen.

/**
 * The largest amount one operation may move: the server's limit, `maxAmount` in
 * internal/ledger/ledger.go (100000000000 yuan). Keep the two equal.
 */
export const MAX_AMOUNT = '100000000000.00';

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/**
 * The one money formatter: "1234567.5" -> "1,234,567.50", "-10000.00" -> "-10,000.00", and with
 * `symbol` "¥1,234,567.50" / "-¥10,000.00". Null or empty gives "-"; what is not a decimal comes
 * back unchanged, and more than two decimals are kept as they are (the server never sends them).
 */
export function formatMoney(value: string | null | undefined, { symbol = false }: { symbol?: boolean } = {}): string {
  if (value == null || value.trim() === '') return '-';
  const s = value.trim();
  const m = DECIMAL.exec(s);
  if (!m) return s;
  const [, sign, intRaw, frac = ''] = m;
  const int = intRaw.replace(/^0+(?=\d)/, '');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = frac.length >= 2 ? frac : frac.padEnd(2, '0');
  const zero = /^0*$/.test(int) && /^0*$/.test(frac);
  return `${sign === '-' && !zero ? '-' : ''}${symbol ? '¥' : ''}${grouped}.${fraction}`;
}

/** A decimal string in fen ("-12.3" -> -1230n); null when it is not a decimal with at most 2 places. */
export function toFen(value: string): bigint | null {
  const m = DECIMAL.exec(value.trim());
  if (!m || (m[3] ?? '').length > 2) return null;
  const fen = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -fen : fen;
}

/** Fen as a Decimal string, the inverse of toFen: 24690n -> "246.90", -5n -> "-0.05". */
export function fromFen(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** Why a typed amount is refused (an i18n key under `amount.`), or undefined when it is fine. */
export type AmountProblem = 'required' | 'format' | 'decimals' | 'positive' | 'tooLarge' | 'overBalance';

/** What a person may type: digits, optionally a point and more digits (".5" and "5." too, as the server reads them). */
const TYPED = /^(\d*)(?:\.(\d*))?$/;

/**
 * The one amount validator; it accepts what the server accepts (internal/money Parse, then
 * ledger.CheckAmount): a plain decimal number, more than 0, at most two decimal places (further
 * zeros allowed: "1.230" is 1.23), at most MAX_AMOUNT; and, when `atMost` is given (e.g. what can
 * be reclaimed), not above it. Send the amount as toDecimal() writes it.
 */
export function amountProblem(input: string | null | undefined, { atMost }: { atMost?: string } = {}): AmountProblem | undefined {
  const s = (input ?? '').trim();
  if (s === '') return 'required';
  const m = TYPED.exec(s);
  const int = m?.[1] ?? '';
  const frac = m?.[2] ?? '';
  if (!m || (int === '' && frac === '')) return 'format';
  if (/[1-9]/.test(frac.slice(2))) return 'decimals';
  const fen = BigInt(int || '0') * 100n + BigInt(frac.slice(0, 2).padEnd(2, '0'));
  if (fen === 0n) return 'positive';
  if (fen > toFen(MAX_AMOUNT)!) return 'tooLarge';
  const limit = atMost === undefined ? null : toFen(atMost);
  if (limit !== null && fen > limit) return 'overBalance';
  return undefined;
}

/**
 * A valid typed amount as the Decimal scalar wants it, two places and no leading zeros:
 * "12.3" -> "12.30", "007" -> "7.00", ".5" -> "0.50", "1.230" -> "1.23".
 */
export function toDecimal(input: string): string {
  const m = TYPED.exec(input.trim());
  if (!m) return input.trim();
  const int = (m[1] ?? '').replace(/^0+(?=\d)/, '') || '0';
  return `${int}.${(m[2] ?? '').slice(0, 2).padEnd(2, '0')}`;
}
