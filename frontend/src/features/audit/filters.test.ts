import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { auditWhere, targetLabel } from './filters';

describe('auditWhere', () => {
  it('sends nothing without filters', () => {
    expect(auditWhere({})).toBeUndefined();
  });

  it('sends action, outcome and whole local days', () => {
    const where = auditWhere({ action: 'LOGIN', outcome: 'DENIED', from: '2026-11-01', to: '2026-11-21' });
    expect(where?.action).toBe('LOGIN');
    expect(where?.outcome).toBe('DENIED');
    expect(dayjs(where?.createdAtGTE).valueOf()).toBe(dayjs('2026-11-01T00:00:00').valueOf());
    expect(dayjs(where?.createdAtLTE).valueOf()).toBe(dayjs('2026-11-21T23:59:59.999').valueOf() - 999);
    expect(where?.createdAtGTE).toMatch(/^2026-11-01T00:00:00([+-]\d\d:\d\d|Z)$/);
  });
});

describe('targetLabel', () => {
  it('joins type and id and shows a dash for none', () => {
    expect(targetLabel('customer', 'cus_1')).toBe('customer cus_1');
    expect(targetLabel('', null)).toBe('-');
    expect(targetLabel('session', '')).toBe('session');
  });
});
