// Route table. Pages are lazy-loaded so the first screen downloads only what it shows.
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { PageLoading } from '../shared/components/PageLoading';
import { NotFound } from '../shared/components/NotFound';
import { CUSTOMERS_PATH, HOME_PATH, LOGIN_PATH } from './paths';

const LoginRoute = lazy(() => import('../features/auth/routes/LoginRoute'));
const ConsoleLayout = lazy(() => import('./layout/ConsoleLayout').then((m) => ({ default: m.ConsoleLayout })));
const CustomersRoute = lazy(() => import('../features/customers/routes/CustomersRoute'));

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
      { path: '*', element: <NotFound /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
