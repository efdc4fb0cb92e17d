// The signed-in shell: loads the viewer, sends strangers to /login, frames every console page.
import { Suspense, useState } from 'react';
import { Button, Layout, Result } from 'antd';
import { Navigate, Outlet } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ViewerQuery } from '../../features/auth/queries';
import { ViewerContext } from '../../features/auth/viewer';
import { isUnauthenticated, errorMessage } from '../../shared/graphql/errors';
import { PageLoading } from '../../shared/components/PageLoading';
import { LOGIN_PATH } from '../paths';
import { HeaderBar } from './HeaderBar';
import { SideMenu } from './SideMenu';

export function ConsoleLayout() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ViewerQuery, requestPolicy: 'cache-and-network' });
  const [collapsed, setCollapsed] = useState(false);

  if (isUnauthenticated(error) || (data && !data.viewer)) return <Navigate to={LOGIN_PATH} replace />;
  if (!data?.viewer) {
    if (fetching || !error) return <PageLoading />;
    return (
      <Result
        status="warning"
        title={t('app.loadFailed', { message: errorMessage(error, t('errors.network')) })}
        extra={<Button onClick={() => refetch({ requestPolicy: 'network-only' })}>{t('app.retry')}</Button>}
      />
    );
  }

  const viewer = data.viewer;
  return (
    <ViewerContext.Provider value={viewer}>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208}>
          <SideMenu role={viewer.role} collapsed={collapsed} />
        </Layout.Sider>
        <Layout>
          <HeaderBar viewer={viewer} />
          <Layout.Content style={{ margin: 16 }}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </ViewerContext.Provider>
  );
}
