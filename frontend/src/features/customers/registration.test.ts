import { describe, expect, it } from 'vitest';
import { localStatus, remoteStatus, secondsLeft } from './registration';
import { customerPermissions } from './permissions';

describe('registration checks', () => {
  it('checks formats locally', () => {
    expect(localStatus('mobile', '')).toBe('empty');
    expect(localStatus('mobile', '139')).toBe('invalid');
    expect(localStatus('mobile', '0086-13912345678')).toBe('ok');
    expect(localStatus('email', 'x@example.com')).toBe('ok');
    expect(localStatus('accountName', 'ab')).toBe('invalid');
  });
  it('maps the server answer', () => {
    expect(remoteStatus({ valid: true, available: true })).toBe('available');
    expect(remoteStatus({ valid: true, available: false })).toBe('taken');
    expect(remoteStatus({ valid: false, available: false })).toBe('invalid');
    expect(remoteStatus(undefined)).toBe('invalid');
  });
  it('counts the SMS resend wait down from 60 s', () => {
    expect(secondsLeft(undefined, 0)).toBe(0);
    expect(secondsLeft(1000, 1000)).toBe(60);
    expect(secondsLeft(1000, 30_500)).toBe(31);
    expect(secondsLeft(1000, 61_000)).toBe(0);
  });
});

describe('customerPermissions', () => {
  it('lets only admins, managers and the platform search and reveal', () => {
    expect(customerPermissions('PARTNER_ADMIN').search).toBe(true);
    expect(customerPermissions('CUSTOMER_MANAGER').reveal).toBe(true);
    expect(customerPermissions('SUPERVISOR').search).toBe(false);
    expect(customerPermissions('SUPERVISOR').reveal).toBe(false);
    expect(customerPermissions('PLATFORM_OPERATOR').search).toBe(true);
  });
  it('keeps money to partner admins', () => {
    expect(customerPermissions('PARTNER_ADMIN').allocate).toBe(true);
    expect(customerPermissions('CUSTOMER_MANAGER').allocate).toBe(false);
  });
});
