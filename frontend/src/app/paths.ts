// Route paths in one place, so links and redirects agree.
export const LOGIN_PATH = '/login';
export const CUSTOMERS_PATH = '/customers';
export const CUSTOMER_NEW_PATH = '/customers/new';
/** The detail page of one customer. */
export const customerPath = (id: string) => `/customers/${encodeURIComponent(id)}`;
export const ASSOCIATIONS_PATH = '/associations';
export const RESELLER_APPLICATIONS_PATH = '/reseller-applications';
export const AUDIT_LOGS_PATH = '/audit-logs';
export const API_KEYS_PATH = '/api-keys';
export const SECURITY_PATH = '/security';
export const ACCOUNT_PATH = '/account';
export const RESELLER_ACCOUNTS_PATH = '/reseller-accounts';
export const COUPONS_PATH = '/coupons';
export const COUPON_GRANTS_PATH = '/coupon-grants';
export const RESELLER_QUOTAS_PATH = '/reseller-quotas';
export const WHITELIST_PATH = '/customer-whitelist';
export const MY_COUPONS_PATH = '/my-coupons';
/** The platform operator's background jobs (River). */
export const BACKGROUND_JOBS_PATH = '/background-jobs';
/** A customer user's own landing page: its balances and coupons. */
export const CUSTOMER_HOME_PATH = '/my-account';
/** Where the console opens after sign-in (partner staff and the platform; see homePathFor). */
export const HOME_PATH = CUSTOMERS_PATH;

/** Where a role lands after sign-in: a customer's user on its own page, everyone else on the customer list. */
export function homePathFor(role: string | null | undefined): string {
  return role === 'CUSTOMER' ? CUSTOMER_HOME_PATH : HOME_PATH;
}
