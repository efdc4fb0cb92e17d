// Providers around the router: antd (locale follows the language), urql, routes.
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { RouterProvider } from 'react-router/dom';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../i18n';
import { ClientProvider } from '../shared/graphql/ClientProvider';
import type { ClientOptions } from '../shared/graphql/client';
import { router } from './routes';
import { LOGIN_PATH } from './paths';

const clientOptions: ClientOptions = {
  // A query found the session gone (expired, logged out elsewhere): back to the login page.
  onUnauthenticated: () => {
    if (router.state.location.pathname !== LOGIN_PATH) void router.navigate(LOGIN_PATH, { replace: true });
  },
};

export function App() {
  const { i18n } = useTranslation();
  const zh = toLanguage(i18n.language) === 'zh-CN';
  dayjs.locale(zh ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>
        <ClientProvider options={clientOptions}>
          <RouterProvider router={router} />
        </ClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
