// Route table. Pages are lazy-loaded so the first screen downloads only what it shows.
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { PageLoading } from '../shared/components/PageLoading';
import { NotFound } from '../shared/components/NotFound';
import { ACCOUNT_PATH, API_KEYS_PATH, AUDIT_LOGS_PATH, CUSTOMERS_PATH, LOGIN_PATH, RESELLER_ACCOUNTS_PATH, SECURITY_PATH } from './paths';
import { ASSOCIATIONS_PATH, BACKGROUND_JOBS_PATH, CUSTOMER_NEW_PATH, RESELLER_APPLICATIONS_PATH } from './paths';
import { COUPON_GRANTS_PATH, COUPONS_PATH, CUSTOMER_HOME_PATH, homePathFor, MY_COUPONS_PATH, RESELLER_QUOTAS_PATH, WHITELIST_PATH } from './paths';
import { useViewer } from '../features/auth/viewer';

/**
 * Like lazy(), but once the module has loaded (fetched ahead by preload()) the component renders
 * at once. lazy() alone suspends on its first render even then: the fallback shows, and React
 * holds the page back for up to 300 ms after a fallback before it reveals the content.
 */
function preloadable(load: () => Promise<{ default: ComponentType }>) {
  let loaded: ComponentType | undefined;
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () =>
    (loading ??= load().then((m) => {
      loaded = m.default;
      return m;
    }));
  const Lazy = lazy(preload);
  function Preloadable() {
    const Component = loaded ?? Lazy;
    return <Component />;
  }
  return Object.assign(Preloadable, { preload });
}

const LoginRoute = lazy(() => import('../features/auth/routes/LoginRoute'));
// The console's layout and home page come in one chunk, and its other pages through it (see
// consolePages.ts).
const loadConsole = () => import('./consolePages');
const ConsoleLayout = preloadable(() => loadConsole().then((m) => ({ default: m.ConsoleLayout })));
const CustomersRoute = preloadable(() => loadConsole().then((m) => ({ default: m.CustomersRoute })));
const page = (name: keyof Awaited<ReturnType<typeof loadConsole>>['pages']) => lazy(() => loadConsole().then((m) => m.pages[name]()));
const AuditLogRoute = page('auditLogs');
const ApiKeysRoute = page('apiKeys');
const SecurityRoute = page('security');
const AccountRoute = page('account');
const ResellerAccountsRoute = page('resellerAccounts');
const CustomerCreateRoute = page('customerCreate');
const CustomerDetailRoute = page('customerDetail');
const AssociationsRoute = page('associations');
const ResellerApplicationsRoute = page('resellerApplications');
const CouponsRoute = page('coupons');
const QuotaGrantsRoute = page('couponGrants');
const ResellerQuotasRoute = page('resellerQuotas');
const WhitelistRoute = page('whitelist');
const MyCouponsRoute = page('myCoupons');
const CustomerHomeRoute = page('customerHome');
const BackgroundJobsRoute = page('backgroundJobs');

/** The console's root: each role's own home (a customer's user its account page, see homePathFor). */
function HomeRedirect() {
  const viewer = useViewer();
  return <Navigate to={homePathFor(viewer.role)} replace />;
}

// A direct load of a console page: take the console's code as soon as it is here, before the
// router renders (index.html has already asked the browser for it: preloadConsole in
// vite.config.ts, which must agree with this condition).
if (typeof window !== 'undefined' && window.location.pathname !== LOGIN_PATH) {
  void ConsoleLayout.preload();
  void CustomersRoute.preload();
}

function suspended(node: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{node}</Suspense>;
}

export const routes: RouteObject[] = [
  { path: LOGIN_PATH, element: suspended(<LoginRoute />) },
  {
    path: '/',
    element: suspended(<ConsoleLayout />),
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: CUSTOMERS_PATH, element: <CustomersRoute /> },
      { path: CUSTOMER_NEW_PATH, element: <CustomerCreateRoute /> },
      { path: `${CUSTOMERS_PATH}/:id`, element: <CustomerDetailRoute /> },
      { path: ASSOCIATIONS_PATH, element: <AssociationsRoute /> },
      { path: RESELLER_APPLICATIONS_PATH, element: <ResellerApplicationsRoute /> },
      { path: AUDIT_LOGS_PATH, element: <AuditLogRoute /> },
      { path: API_KEYS_PATH, element: <ApiKeysRoute /> },
      { path: SECURITY_PATH, element: <SecurityRoute /> },
      { path: ACCOUNT_PATH, element: <AccountRoute /> },
      { path: RESELLER_ACCOUNTS_PATH, element: <ResellerAccountsRoute /> },
      { path: COUPONS_PATH, element: <CouponsRoute /> },
      { path: COUPON_GRANTS_PATH, element: <QuotaGrantsRoute /> },
      { path: RESELLER_QUOTAS_PATH, element: <ResellerQuotasRoute /> },
      { path: WHITELIST_PATH, element: <WhitelistRoute /> },
      { path: MY_COUPONS_PATH, element: <MyCouponsRoute /> },
      { path: CUSTOMER_HOME_PATH, element: <CustomerHomeRoute /> },
      { path: BACKGROUND_JOBS_PATH, element: <BackgroundJobsRoute /> },
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
