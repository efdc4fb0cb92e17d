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
/** Where the console opens after sign-in. */
export const HOME_PATH = CUSTOMERS_PATH;
