// Authenticator codes as people type them.

/** Keeps the digits of what was typed or pasted ("123 456" -> "123456"), at most 6. */
export function cleanCode(input: string): string {
  return input.replace(/\D/g, '').slice(0, 6);
}

/** True for exactly six digits. */
export function isSixDigitCode(code: string | null | undefined): boolean {
  return /^\d{6}$/.test(code ?? '');
}

/** The base32 secret inside an otpauth:// URI, or null. */
export function secretFromUri(uri: string): string | null {
  try {
    return new URL(uri).searchParams.get('secret');
  } catch {
    return null;
  }
}

/** "JBSWY3DPEHPK3PXP" -> "JBSW Y3DP EHPK 3PXP", easier to type into an app. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
