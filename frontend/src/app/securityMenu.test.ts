import { describe, expect, it } from 'vitest';
import { MENU, menuFor } from './menu';

const paths = (...args: Parameters<typeof menuFor>) => menuFor(...args).map((e) => e.path);

describe('menu entries of the security and money pages', () => {
  it('shows the audit log and security settings to everyone', () => {
    for (const role of ['PLATFORM_OPERATOR', 'PARTNER_ADMIN', 'SUPERVISOR', 'CUSTOMER_MANAGER', 'CUSTOMER'] as const) {
      expect(paths(role), role).toContain('/audit-logs');
      expect(paths(role), role).toContain('/security');
    }
  });

  it('shows API keys and the account to partner admins only', () => {
    expect(paths('PARTNER_ADMIN', MENU, 'SOLUTION_PROVIDER')).toEqual(expect.arrayContaining(['/api-keys', '/account']));
    for (const role of ['PLATFORM_OPERATOR', 'SUPERVISOR', 'CUSTOMER_MANAGER', 'CUSTOMER'] as const) {
      expect(paths(role, MENU, 'SOLUTION_PROVIDER'), role).not.toContain('/api-keys');
      expect(paths(role, MENU, 'SOLUTION_PROVIDER'), role).not.toContain('/account');
    }
  });

  it('shows reseller accounts to distributor admins only', () => {
    expect(paths('PARTNER_ADMIN', MENU, 'DISTRIBUTOR')).toContain('/reseller-accounts');
    expect(paths('PARTNER_ADMIN', MENU, 'CLOUD_RESELLER')).not.toContain('/reseller-accounts');
    expect(paths('PARTNER_ADMIN', MENU, 'SOLUTION_PROVIDER')).not.toContain('/reseller-accounts');
    expect(paths('SUPERVISOR', MENU, 'DISTRIBUTOR')).not.toContain('/reseller-accounts');
  });
});
