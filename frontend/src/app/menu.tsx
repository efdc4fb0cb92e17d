// The console's side menu, as data: a new page adds one entry here and one route in routes.tsx.
import type { ReactNode } from 'react';
import { ApartmentOutlined, ScheduleOutlined, GiftOutlined, HomeOutlined, SafetyCertificateOutlined, SendOutlined, SolutionOutlined, TagsOutlined, AuditOutlined, HistoryOutlined, KeyOutlined, SafetyOutlined, TeamOutlined, TransactionOutlined, WalletOutlined } from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import { BACKGROUND_JOBS_PATH, COUPON_GRANTS_PATH, COUPONS_PATH, CUSTOMER_HOME_PATH, MY_COUPONS_PATH, RESELLER_QUOTAS_PATH, WHITELIST_PATH } from './paths';
import { ACCOUNT_PATH, API_KEYS_PATH, ASSOCIATIONS_PATH, AUDIT_LOGS_PATH, CUSTOMERS_PATH, RESELLER_ACCOUNTS_PATH, RESELLER_APPLICATIONS_PATH, SECURITY_PATH } from './paths';
import type { PartnerKind, UserRole } from '../gql/graphql';

export interface MenuEntry {
  /** Route path; also the menu key. */
  path: string;
  /** i18n key of the label. */
  label: ParseKeys;
  icon: ReactNode;
  /** Roles that see the entry; all roles when absent. */
  roles?: readonly UserRole[];
  /** Partner kinds that see the entry (viewer.partner.kind); all when absent. */
  partnerKinds?: readonly PartnerKind[];
}

export const MENU: readonly MenuEntry[] = [
  {
    // a customer's user opens on its own account (balances and coupons)
    path: CUSTOMER_HOME_PATH,
    label: 'coupons.menu.home',
    icon: <HomeOutlined />,
    roles: ['CUSTOMER'],
  },
  {
    path: MY_COUPONS_PATH,
    label: 'coupons.menu.myCoupons',
    icon: <TagsOutlined />,
    roles: ['CUSTOMER'],
  },
  {
    path: CUSTOMERS_PATH,
    label: 'menu.customers',
    icon: <TeamOutlined />,
    roles: ['PLATFORM_OPERATOR', 'PARTNER_ADMIN', 'SUPERVISOR', 'CUSTOMER_MANAGER'],
  },
  {
    // 客户 > 券管理: quotas, issued coupons and their records
    path: COUPONS_PATH,
    label: 'coupons.menu.coupons',
    icon: <GiftOutlined />,
    roles: ['PLATFORM_OPERATOR', 'PARTNER_ADMIN', 'SUPERVISOR', 'CUSTOMER_MANAGER'],
  },
  {
    path: COUPON_GRANTS_PATH,
    label: 'coupons.menu.grants',
    icon: <SolutionOutlined />,
    roles: ['PLATFORM_OPERATOR'],
  },
  {
    path: RESELLER_QUOTAS_PATH,
    label: 'coupons.menu.resellerQuotas',
    icon: <SendOutlined />,
    roles: ['PARTNER_ADMIN'],
    partnerKinds: ['DISTRIBUTOR'],
  },
  {
    path: WHITELIST_PATH,
    label: 'coupons.menu.whitelist',
    icon: <SafetyCertificateOutlined />,
    roles: ['PARTNER_ADMIN'],
    partnerKinds: ['GOV_SUBSIDY', 'GOV_CLOUD'],
  },
  {
    path: ASSOCIATIONS_PATH,
    label: 'menu.associations',
    icon: <AuditOutlined />,
    roles: ['PLATFORM_OPERATOR', 'PARTNER_ADMIN', 'SUPERVISOR', 'CUSTOMER_MANAGER', 'CUSTOMER'],
  },
  {
    path: RESELLER_APPLICATIONS_PATH,
    label: 'menu.resellerApplications',
    icon: <ApartmentOutlined />,
    roles: ['PARTNER_ADMIN'],
    partnerKinds: ['DISTRIBUTOR', 'CLOUD_RESELLER'],
  },
  {
    path: ACCOUNT_PATH,
    label: 'account.menu',
    icon: <WalletOutlined />,
    roles: ['PARTNER_ADMIN'],
  },
  {
    path: RESELLER_ACCOUNTS_PATH,
    label: 'resellerAccounts.menu',
    icon: <TransactionOutlined />,
    roles: ['PARTNER_ADMIN'],
    partnerKinds: ['DISTRIBUTOR'],
  },
  {
    // partner admins and the platform see their tenant's records; everyone else their own actions
    path: AUDIT_LOGS_PATH,
    label: 'audit.menu',
    icon: <HistoryOutlined />,
  },
  {
    // River's jobs (state, attempts, last error): the platform operator's only
    path: BACKGROUND_JOBS_PATH,
    label: 'jobs.menu',
    icon: <ScheduleOutlined />,
    roles: ['PLATFORM_OPERATOR'],
  },
  {
    path: API_KEYS_PATH,
    label: 'apiKeys.menu',
    icon: <KeyOutlined />,
    roles: ['PARTNER_ADMIN'],
  },
  {
    path: SECURITY_PATH,
    label: 'security.menu',
    icon: <SafetyOutlined />,
  },
];

/** The entries a role (of a partner of the given kind, if any) may see. */
export function menuFor(role: UserRole, entries: readonly MenuEntry[] = MENU, partnerKind?: PartnerKind | null): MenuEntry[] {
  return entries.filter(
    (e) => (!e.roles || e.roles.includes(role)) && (!e.partnerKinds || (!!partnerKind && e.partnerKinds.includes(partnerKind))),
  );
}

/** The entry whose path is the longest prefix of the location, for the selected key. */
export function selectedEntry(pathname: string, entries: readonly MenuEntry[] = MENU): MenuEntry | undefined {
  return [...entries]
    .sort((a, b) => b.path.length - a.path.length)
    .find((e) => pathname === e.path || pathname.startsWith(`${e.path}/`));
}
