// What a refusal means to a person: the server's code/reason mapped to a translated label,
// always followed by the server's own message (which names the detail, e.g. the balance).
import type { CombinedError } from 'urql';
import type { TFunction } from 'i18next';

/** One refusal, from a top-level GraphQL error, a userError or a batch row. */
export interface Refusal {
  code?: string | null;
  reason?: string | null;
  field?: string | readonly string[] | null;
  message?: string | null;
}

/** Codes and reasons that have a translated label (errorCodes.<CODE> in the i18n files). */
export const KNOWN_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'VERIFICATION_REQUIRED',
  'INTERNAL',
  'INSUFFICIENT_BALANCE',
  'OVER_RECLAIM',
  'ADVISORY_CUSTOMER',
  'BATCH_REFUSED',
  'NOT_ATTEMPTED',
  'OWN_BALANCE',
  'COOLING_PERIOD',
  'NOT_YOUR_DECISION',
  'NOT_PENDING',
  'PENDING_REQUEST',
  'NOT_ASSOCIATED',
  'NOT_RESALE',
  'SAME_TYPE',
  'UNCHANGED',
  'TAKEN',
  'OTHER_PARTNER',
  'HAS_DISTRIBUTOR',
  'PENDING_APPLICATION',
  'NOT_SOLUTION_PROVIDER',
  // coupons (券管理)
  'QUOTA_NOT_NORMAL',
  'QUOTA_EXPIRED',
  'NOT_WHITELISTED',
  'INSUFFICIENT_QUOTA',
  'LIMIT_OUTSIDE_QUOTA',
  'NOT_RECLAIMED',
  'DESIGNATED_CUSTOMER',
  'COUPON_EXPIRED',
  'COUPON_NOT_USABLE',
  'HELD_BY_ORDER',
  'KIND_NOT_ALLOWED',
  'NOT_A_PLATFORM_GRANT',
  'QUOTA_CLOSED',
  'ALREADY_RECLAIMED',
  'NOTHING_TO_RECLAIM',
] as const;
export type KnownCode = (typeof KNOWN_CODES)[number];

function isKnown(code: string | null | undefined): code is KnownCode {
  return !!code && (KNOWN_CODES as readonly string[]).includes(code);
}

/** The first refusal of a combined error (its extensions), or a network failure without code. */
export function refusalOf(error: CombinedError): Refusal {
  const first = error.graphQLErrors[0];
  if (!first) return { message: undefined };
  const ext = (first.extensions ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { code: str(ext.code), reason: str(ext.reason), field: str(ext.field), message: first.message };
}

/** The key of the most specific translated label: the reason first, then the code. */
export function labelKey(r: Refusal): KnownCode | undefined {
  if (isKnown(r.reason)) return r.reason;
  if (isKnown(r.code)) return r.code;
  return undefined;
}

/**
 * A sentence for a refusal: "label: server message" when the code is known, the server's
 * message alone otherwise, and the generic text when there is neither.
 */
export function describeRefusal(r: Refusal, t: TFunction): string {
  const key = labelKey(r);
  const label = key ? t(`errorCodes.${key}`) : undefined;
  const message = r.message?.trim();
  if (label && message) return t('errorCodes.withMessage', { label, message });
  return label ?? message ?? t('errors.generic');
}

/** describeRefusal for an urql error; network failures get the network text. */
export function describeError(error: CombinedError, t: TFunction): string {
  if (!error.graphQLErrors.length) return t('errors.network');
  return describeRefusal(refusalOf(error), t);
}

/** True when the error asks for an authenticator code. */
export function needsVerification(error: CombinedError | undefined | null): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'VERIFICATION_REQUIRED');
}
