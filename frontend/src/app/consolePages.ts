// The console's code in one chunk: its layout and its home page (the customer list), which a
// direct load of any console page needs at once. The other console pages stay in chunks of their
// own, imported from here: they only ever load inside the layout, so the modules they share with
// this chunk (antd's table, form, date picker...) stay in it instead of being split into a dozen
// small chunks that a direct load would have to fetch one by one.
export { ConsoleLayout } from './layout/ConsoleLayout';
export { default as CustomersRoute } from '../features/customers/routes/CustomersRoute';

export const pages = {
  customerCreate: () => import('../features/customers/routes/CustomerCreateRoute'),
  customerDetail: () => import('../features/customers/routes/CustomerDetailRoute'),
  associations: () => import('../features/associations/routes/AssociationsRoute'),
  resellerApplications: () => import('../features/resellers/routes/ResellerApplicationsRoute'),
  auditLogs: () => import('../features/audit/routes/AuditLogRoute'),
  apiKeys: () => import('../features/apiKeys/routes/ApiKeysRoute'),
  security: () => import('../features/security/routes/SecurityRoute'),
  account: () => import('../features/account/routes/AccountRoute'),
  resellerAccounts: () => import('../features/resellerAccounts/routes/ResellerAccountsRoute'),
  coupons: () => import('../features/coupons/routes/CouponsRoute'),
  couponGrants: () => import('../features/coupons/routes/QuotaGrantsRoute'),
  resellerQuotas: () => import('../features/coupons/routes/ResellerQuotasRoute'),
  whitelist: () => import('../features/coupons/routes/WhitelistRoute'),
  myCoupons: () => import('../features/coupons/routes/MyCouponsRoute'),
  customerHome: () => import('../features/coupons/routes/CustomerHomeRoute'),
  backgroundJobs: () => import('../features/jobs/routes/BackgroundJobsRoute'),
};
