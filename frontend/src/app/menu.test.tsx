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
