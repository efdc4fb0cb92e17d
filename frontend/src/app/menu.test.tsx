import { describe, expect, it } from 'vitest';
import { MENU, menuFor, selectedEntry } from './menu';

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
