// Local format checks, the same rules as the server's (internal/customers/registration.go);
// amounts are checked by shared/money.

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

/** The six digits of an authenticator or SMS code. */
export function isSixDigitCode(value: string | null | undefined): boolean {
  return /^[0-9]{6}$/.test(value ?? '');
}

/** Keeps the digits of a code as typed or pasted ("123 456" -> "123456"), at most 6. */
export function cleanCode(input: string): string {
  return input.replace(/\D/g, '').slice(0, 6);
}
