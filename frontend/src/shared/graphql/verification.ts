// Step-up verification (DOMAIN.md §8): when the partner requires it, a sensitive mutation fails
// with VERIFICATION_REQUIRED; we ask the person for a 6-digit authenticator code and send the
// same action again (same variables, same idempotency key) with the code, until it passes, fails
// for another reason, or the person cancels.

/** Asks for a code; resolves to null when the person cancels. `problem` is the server's message. */
export type AskCode = (problem: string | undefined) => Promise<string | null>;

export interface VerificationOutcome<R> {
  /** The last result, or undefined when cancelled before any retry got one. */
  result: R;
  /** True when the person closed the prompt; result is then the last refusal. */
  cancelled: boolean;
}

/**
 * Runs attempt() without a code; while the result asks for one, prompts and retries with it.
 * attempt must build the same action every time (same idempotency key), only the code changes.
 */
export async function runWithVerification<R>(
  attempt: (verificationCode: string | undefined) => Promise<R>,
  needsCode: (result: R) => boolean,
  problemOf: (result: R) => string | undefined,
  ask: AskCode,
  maxPrompts = 5,
): Promise<VerificationOutcome<R>> {
  let result = await attempt(undefined);
  for (let prompts = 0; needsCode(result) && prompts < maxPrompts; prompts++) {
    const code = await ask(problemOf(result));
    if (code === null) return { result, cancelled: true };
    result = await attempt(code);
  }
  return { result, cancelled: false };
}

/** A fresh idempotency key for one user action. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
