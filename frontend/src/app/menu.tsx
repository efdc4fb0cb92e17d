// The console's side menu, as data: a new page adds one entry here and one route in routes.tsx.
import type { ReactNode } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import { CUSTOMERS_PATH } from './paths';
import type { UserRole } from '../gql/graphql';

export interface MenuEntry {
  /** Route path; also the menu key. */
  path: string;
  /** i18n key of the label. */
  label: ParseKeys;
  icon: ReactNode;
  /** Roles that see the entry; all roles when absent. */
  roles?: readonly UserRole[];
}

export const MENU: readonly MenuEntry[] = [
  {
    path: CUSTOMERS_PATH,
    label: 'menu.customers',
    icon: <TeamOutlined />,
    roles: ['PLATFORM_OPERATOR', 'PARTNER_ADMIN', 'SUPERVISOR', 'CUSTOMER_MANAGER'],
  },
];

/** The entries a role may see. */
export function menuFor(role: UserRole, entries: readonly MenuEntry[] = MENU): MenuEntry[] {
  return entries.filter((e) => !e.roles || e.roles.includes(role));
}

/** The entry whose path is the longest prefix of the location, for the selected key. */
export function selectedEntry(pathname: string, entries: readonly MenuEntry[] = MENU): MenuEntry | undefined {
  return [...entries]
    .sort((a, b) => b.path.length - a.path.length)
    .find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`));
}
