// Route table. Pages are lazy-loaded so the first screen downloads only what it shows.
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { PageLoading } from '../shared/components/PageLoading';
import { NotFound } from '../shared/components/NotFound';
import { ACCOUNT_PATH, API_KEYS_PATH, AUDIT_LOGS_PATH, CUSTOMERS_PATH, HOME_PATH, LOGIN_PATH, RESELLER_ACCOUNTS_PATH, SECURITY_PATH } from './paths';
import { ASSOCIATIONS_PATH, CUSTOMER_NEW_PATH, RESELLER_APPLICATIONS_PATH } from './paths';

const LoginRoute = lazy(() => import('../features/auth/routes/LoginRoute'));
const loadConsoleLayout = () => import('./layout/ConsoleLayout').then((m) => ({ default: m.ConsoleLayout }));
const loadCustomersRoute = () => import('../features/customers/routes/CustomersRoute');
const ConsoleLayout = lazy(loadConsoleLayout);
const CustomersRoute = lazy(loadCustomersRoute);

// Opening the console on the customers list (the home page): fetch the layout's and the list's
// code at once instead of one after the other (modules are cached, so lazy() reuses them).
if (typeof window !== 'undefined' && window.location.pathname !== LOGIN_PATH) {
  void loadConsoleLayout();
  if (window.location.pathname === '/' || window.location.pathname === CUSTOMERS_PATH) void loadCustomersRoute();
}
const AuditLogRoute = lazy(() => import('../features/audit/routes/AuditLogRoute'));
const ApiKeysRoute = lazy(() => import('../features/apiKeys/routes/ApiKeysRoute'));
const SecurityRoute = lazy(() => import('../features/security/routes/SecurityRoute'));
const AccountRoute = lazy(() => import('../features/account/routes/AccountRoute'));
const ResellerAccountsRoute = lazy(() => import('../features/resellerAccounts/routes/ResellerAccountsRoute'));
const CustomerCreateRoute = lazy(() => import('../features/customers/routes/CustomerCreateRoute'));
const CustomerDetailRoute = lazy(() => import('../features/customers/routes/CustomerDetailRoute'));
const AssociationsRoute = lazy(() => import('../features/associations/routes/AssociationsRoute'));
const ResellerApplicationsRoute = lazy(() => import('../features/resellers/routes/ResellerApplicationsRoute'));

function suspended(node: ReactNode) {
  return <Suspense fallback={<PageLoading />}>{node}</Suspense>;
}

export const routes: RouteObject[] = [
  { path: LOGIN_PATH, element: suspended(<LoginRoute />) },
  {
    path: '/',
    element: suspended(<ConsoleLayout />),
    children: [
      { index: true, element: <Navigate to={HOME_PATH} replace /> },
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
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
