import { describe, expect, it } from 'vitest';
import { MENU, menuFor, selectedEntry } from './menu';
import { homePathFor } from './paths';

describe('menu', () => {
  it('shows customers to partner staff but not to customers', () => {
    expect(menuFor('PARTNER_ADMIN').map((e) => e.path)).toContain('/customers');
    expect(menuFor('CUSTOMER').map((e) => e.path)).not.toContain('/customers');
  });

  it('selects the entry for nested paths', () => {
    expect(selectedEntry('/customers/abc', MENU)?.path).toBe('/customers');
    expect(selectedEntry('/customersx', MENU)).toBeUndefined();
  });
});

describe('menu entries of the customer lifecycle pages', () => {
  it('shows association records to partner staff and customers', () => {
    expect(menuFor('CUSTOMER').map((e) => e.path)).toContain('/associations');
    expect(menuFor('CUSTOMER_MANAGER').map((e) => e.path)).toContain('/associations');
  });

  it('shows reseller applications only to distributors and cloud resellers', () => {
    expect(menuFor('PARTNER_ADMIN', MENU, 'DISTRIBUTOR').map((e) => e.path)).toContain('/reseller-applications');
    expect(menuFor('PARTNER_ADMIN', MENU, 'CLOUD_RESELLER').map((e) => e.path)).toContain('/reseller-applications');
    expect(menuFor('PARTNER_ADMIN', MENU, 'SOLUTION_PROVIDER').map((e) => e.path)).not.toContain('/reseller-applications');
    expect(menuFor('PARTNER_ADMIN').map((e) => e.path)).not.toContain('/reseller-applications');
  });
});

describe('menu entries of the coupon pages', () => {
  const paths = (...args: Parameters<typeof menuFor>) => menuFor(...args).map((e) => e.path);

  it('shows 券管理 to partner staff and the platform, right after the customers', () => {
    for (const role of ['PARTNER_ADMIN', 'SUPERVISOR', 'CUSTOMER_MANAGER', 'PLATFORM_OPERATOR'] as const) {
      const p = paths(role, MENU, role === 'PLATFORM_OPERATOR' ? null : 'SOLUTION_PROVIDER');
      expect(p, role).toContain('/coupons');
      expect(p.indexOf('/coupons'), role).toBe(p.indexOf('/customers') + 1);
    }
    expect(paths('CUSTOMER')).not.toContain('/coupons');
  });

  it('shows quota grants to the platform only', () => {
    expect(paths('PLATFORM_OPERATOR')).toContain('/coupon-grants');
    expect(paths('PARTNER_ADMIN', MENU, 'DISTRIBUTOR')).not.toContain('/coupon-grants');
    expect(paths('CUSTOMER')).not.toContain('/coupon-grants');
  });

  it("shows quota to resellers to a distributor's admin only", () => {
    expect(paths('PARTNER_ADMIN', MENU, 'DISTRIBUTOR')).toContain('/reseller-quotas');
    expect(paths('PARTNER_ADMIN', MENU, 'CLOUD_RESELLER')).not.toContain('/reseller-quotas');
    expect(paths('SUPERVISOR', MENU, 'DISTRIBUTOR')).not.toContain('/reseller-quotas');
    expect(paths('PLATFORM_OPERATOR')).not.toContain('/reseller-quotas');
  });

  it("shows the customer whitelist to government partners' admins only", () => {
    expect(paths('PARTNER_ADMIN', MENU, 'GOV_SUBSIDY')).toContain('/customer-whitelist');
    expect(paths('PARTNER_ADMIN', MENU, 'GOV_CLOUD')).toContain('/customer-whitelist');
    expect(paths('PARTNER_ADMIN', MENU, 'SOLUTION_PROVIDER')).not.toContain('/customer-whitelist');
    expect(paths('CUSTOMER_MANAGER', MENU, 'GOV_SUBSIDY')).not.toContain('/customer-whitelist');
  });

  it('gives a customer its own account first, and its coupons, but no partner page', () => {
    const p = paths('CUSTOMER');
    expect(p[0]).toBe('/my-account');
    expect(p).toContain('/my-coupons');
    expect(p).not.toContain('/customers');
    expect(paths('PARTNER_ADMIN', MENU, 'SOLUTION_PROVIDER')).not.toContain('/my-coupons');
    expect(paths('PARTNER_ADMIN', MENU, 'SOLUTION_PROVIDER')).not.toContain('/my-account');
  });
});

describe('landing page', () => {
  it('sends a customer to its own account and everyone else to the customer list', () => {
    expect(homePathFor('CUSTOMER')).toBe('/my-account');
    expect(homePathFor('PARTNER_ADMIN')).toBe('/customers');
    expect(homePathFor('PLATFORM_OPERATOR')).toBe('/customers');
  });
});

describe('menu entry of the background jobs', () => {
  it('shows the background jobs to the platform only', () => {
    expect(menuFor('PLATFORM_OPERATOR').map((e) => e.path)).toContain('/background-jobs');
    for (const role of ['PARTNER_ADMIN', 'SUPERVISOR', 'CUSTOMER_MANAGER', 'CUSTOMER'] as const) {
      expect(menuFor(role, MENU, 'DISTRIBUTOR').map((e) => e.path), role).not.toContain('/background-jobs');
    }
  });
});
