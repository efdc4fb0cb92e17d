// Local format checks, the same rules as the server's (internal/customers/registration.go, money).

/** Country code, one hyphen, number: `0086-13912345678`; digits only; 1 to 32 characters. */
export function isValidMobile(value: string): boolean {
  return value.length > 0 && value.length <= 32 && /^[0-9]+-[0-9]+$/.test(value);
}

/** A login name: a letter, then 3 to 63 letters, digits, `_`, `.` or `-`. */
export function isValidAccountName(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_.-]{3,63}$/.test(value);
}

/** A plain email address (one @, a dot in the domain, no spaces), at most 254 characters. */
export function isValidEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]+$/.test(value);
}

/** Why an amount is refused locally, or undefined when it is fine. */
export type AmountProblem = 'required' | 'format' | 'positive' | 'decimals' | 'tooLarge';

/** Largest amount accepted by the form (the server keeps decimals up to 18 digits). */
export const MAX_AMOUNT = 1_000_000_000_000;

/**
 * Checks a CNY amount as typed: a plain decimal number, more than 0, at most two decimals.
 * Returns undefined when valid.
 */
export function amountProblem(input: string | null | undefined): AmountProblem | undefined {
  const value = (input ?? '').trim();
  if (!value) return 'required';
  if (!/^[0-9]+(\.[0-9]+)?$/.test(value)) return 'format';
  const [, decimals = ''] = value.split('.');
  if (decimals.length > 2) return 'decimals';
  // Compared as digits, never as a floating-point number (DESIGN.md: no float on a money path).
  if (!/[1-9]/.test(value)) return 'positive';
  const whole = value.split('.')[0].replace(/^0+/, '');
  if (whole.length > String(MAX_AMOUNT).length - 1) return 'tooLarge';
  return undefined;
}

/** An amount as the server's Decimal wants it: two decimals, no leading zeros ("12.3" -> "12.30"). */
export function toDecimal(input: string): string {
  const value = input.trim();
  const [int, dec = ''] = value.split('.');
  const whole = int.replace(/^0+(?=\d)/, '');
  return `${whole}.${(dec + '00').slice(0, 2)}`;
}

/** The six digits of an authenticator or SMS code. */
export function isSixDigitCode(value: string): boolean {
  return /^[0-9]{6}$/.test(value);
}
