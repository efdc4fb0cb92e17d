import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { deltaProblem, grantableKinds, issueValidity, toDelta } from './rules';
import { couponPermissions } from './permissions';

describe('coupon dialog rules', () => {
  const quota = { validFrom: dayjs('2026-11-07T10:00:00').format(), validUntil: dayjs('2027-12-07T10:00:00').format() };

  it("sends no validity when the quota's own days are kept (the server's default)", () => {
    expect(issueValidity(null, quota)).toEqual({ validFrom: null, validUntil: null });
    expect(issueValidity([dayjs('2026-11-07'), dayjs('2027-12-07')], quota)).toEqual({ validFrom: null, validUntil: null });
  });

  it('sends whole days otherwise, clamped inside the quota', () => {
    const r = issueValidity([dayjs('2026-12-01'), dayjs('2027-01-31')], quota);
    expect(dayjs(r.validFrom).format('YYYY-MM-DD HH:mm')).toBe('2026-12-01 00:00');
    expect(dayjs(r.validUntil).format('YYYY-MM-DD HH:mm:ss')).toBe('2027-01-31 23:59:59');
    const late = issueValidity([dayjs('2026-12-01'), dayjs('2028-01-01')], quota);
    expect(dayjs(late.validUntil).isSame(dayjs(quota.validUntil))).toBe(true);
  });

  it('grants each partner kind the quota kinds the server allows', () => {
    expect(grantableKinds('SOLUTION_PROVIDER')).toEqual(['VOUCHER']);
    expect(grantableKinds('GOV_SUBSIDY')).toEqual(['VOUCHER', 'CASH']);
    expect(grantableKinds('GOV_CLOUD')).toEqual(['PICKUP']);
    expect(grantableKinds('CLOUD_RESELLER')).toEqual([]);
  });

  it('reads a signed adjustment', () => {
    expect(deltaProblem('-100')).toBe(false);
    expect(deltaProblem('12.5')).toBe(false);
    expect(deltaProblem('0')).toBe(true);
    expect(deltaProblem('1.234')).toBe(true);
    expect(toDelta('-100')).toBe('-100.00');
    expect(toDelta('+7.5')).toBe('7.50');
  });

  it("lets the partner's admin issue and read the records, other staff only look", () => {
    expect(couponPermissions('PARTNER_ADMIN', 'SOLUTION_PROVIDER')).toEqual({ view: true, issue: true, records: true });
    expect(couponPermissions('CUSTOMER_MANAGER', 'SOLUTION_PROVIDER')).toEqual({ view: true, issue: false, records: false });
    expect(couponPermissions('PLATFORM_OPERATOR')).toEqual({ view: true, issue: false, records: true });
    expect(couponPermissions('PARTNER_ADMIN', 'DISTRIBUTOR')).toEqual({ view: true, issue: false, records: true });
    expect(couponPermissions('CUSTOMER')).toEqual({ view: false, issue: false, records: false });
  });
});
