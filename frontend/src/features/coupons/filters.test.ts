import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { couponWhere, recordWhere, validity } from './filters';

describe('coupon filters', () => {
  it('sends nothing for no filters', () => {
    expect(couponWhere({})).toBeUndefined();
    expect(recordWhere({ quotaID: '  ' })).toBeUndefined();
  });

  it('maps the issued list filters, the validity range on the expiry, as whole local days', () => {
    const w = couponWhere({ kind: 'VOUCHER', status: 'USABLE', customerID: 'cus_1', quotaID: ' cq_1 ', validFrom: '2026-12-01', validTo: '2026-12-31' });
    expect(w).toMatchObject({ kind: 'VOUCHER', status: 'USABLE', customerID: 'cus_1', quotaID: 'cq_1' });
    expect(dayjs(w?.validUntilGTE).format('YYYY-MM-DD HH:mm:ss')).toBe('2026-12-01 00:00:00');
    expect(dayjs(w?.validUntilLTE).format('YYYY-MM-DD HH:mm:ss')).toBe('2026-12-31 23:59:59');
  });

  it('maps the record filters', () => {
    const w = recordWhere({ type: 'RECLAIMED_BY_HAND', couponID: 'cp_1', from: '2026-12-07' });
    expect(w).toMatchObject({ type: 'RECLAIMED_BY_HAND', couponID: 'cp_1' });
    expect(w?.createdAtLTE).toBeUndefined();
    expect(dayjs(w?.createdAtGTE).format('HH:mm')).toBe('00:00');
  });

  it('writes a validity window as two days', () => {
    expect(validity('2026-12-01T08:00:00+08:00', '2027-12-01T08:00:00+08:00')).toMatch(/^2026-12-0\d ~ 2027-12-0\d$/);
  });
});
