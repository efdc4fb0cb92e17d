// What each role may do with customers (mirrors the server's checks; the server decides).
import type { UserRole } from '../../gql/graphql';

export interface CustomerPermissions {
  /** Fuzzy search on name and account name (roles that may reveal personal data). */
  search: boolean;
  /** Eye buttons: the platform, partner admins, the assigned customer manager. */
  reveal: boolean;
  filterByManager: boolean;
  create: boolean;
  assignManager: boolean;
  /** Allocate, reclaim, batch allocate (partner admin). */
  allocate: boolean;
  switchType: boolean;
  /** Freeze/unfreeze and ask to disassociate: the admin or the assigned manager. */
  freeze: boolean;
  disassociate: boolean;
  /** Label and remark. */
  edit: boolean;
}

export function customerPermissions(role: UserRole): CustomerPermissions {
  const admin = role === 'PARTNER_ADMIN';
  const staff = admin || role === 'SUPERVISOR' || role === 'CUSTOMER_MANAGER';
  return {
    search: admin || role === 'CUSTOMER_MANAGER' || role === 'PLATFORM_OPERATOR',
    reveal: admin || role === 'CUSTOMER_MANAGER' || role === 'PLATFORM_OPERATOR',
    filterByManager: admin || role === 'SUPERVISOR' || role === 'PLATFORM_OPERATOR',
    create: staff,
    assignManager: admin || role === 'SUPERVISOR',
    allocate: admin,
    switchType: admin,
    freeze: admin || role === 'CUSTOMER_MANAGER',
    disassociate: admin || role === 'CUSTOMER_MANAGER',
    edit: staff,
  };
}
