// The create form's per-field registration checks: local format first, then the server's answer.
import { isValidAccountName, isValidEmail, isValidMobile } from '../../shared/validation';

export type RegistrationField = 'accountName' | 'mobile' | 'email';

/** What the form shows under a field. */
export type RegistrationStatus = 'empty' | 'invalid' | 'available' | 'taken';

/** The local format check of one field. */
export function localStatus(field: RegistrationField, value: string | undefined): 'empty' | 'invalid' | 'ok' {
  const v = value?.trim() ?? '';
  if (!v) return 'empty';
  const valid = field === 'accountName' ? isValidAccountName(v) : field === 'mobile' ? isValidMobile(v) : isValidEmail(v);
  return valid ? 'ok' : 'invalid';
}

/** The server's check of one field (checkCustomerRegistration) as a status. */
export function remoteStatus(check: { valid: boolean; available: boolean } | undefined): RegistrationStatus {
  if (!check) return 'invalid';
  if (!check.valid) return 'invalid';
  return check.available ? 'available' : 'taken';
}

/** Seconds left before another SMS code may be sent. */
export function secondsLeft(sentAt: number | undefined, now: number, wait = 60): number {
  if (sentAt === undefined) return 0;
  return Math.max(0, Math.ceil(wait - (now - sentAt) / 1000));
}
