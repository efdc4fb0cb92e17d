// Top bar: who is signed in, for which partner and role; language; sign out.
import { Button, Layout, Space, Tag, Typography, App } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { LogoutMutation } from '../../features/auth/queries';
import type { Viewer } from '../../features/auth/viewer';
import { errorMessage } from '../../shared/graphql/errors';
import { useResetClient } from '../../shared/graphql/resetClient';
import { LanguageSwitch } from '../../shared/components/LanguageSwitch';
import { LOGIN_PATH } from '../paths';

export function HeaderBar({ viewer }: { viewer: Viewer }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const [{ fetching }, logout] = useMutation(LogoutMutation);

  async function signOut() {
    const result = await logout({});
    if (result.error && !result.error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      void message.error(t('header.logoutFailed', { message: errorMessage(result.error, t('errors.network')) }));
      return;
    }
    resetClient();
    navigate(LOGIN_PATH, { replace: true });
  }

  return (
    <Layout.Header
      style={{ background: '#fff', padding: '0 16px', display: 'flex', alignItems: 'center', justifyContent: 'flex-end', gap: 16 }}
    >
      <Space size="middle" wrap={false}>
        <Space size={4} data-testid="header-user">
          <UserOutlined />
          <Typography.Text strong>{viewer.user.displayName}</Typography.Text>
        </Space>
        {viewer.partner && (
          <Typography.Text type="secondary" data-testid="header-partner">
            {viewer.partner.name}
          </Typography.Text>
        )}
        <Tag color="blue" data-testid="header-role">
          {t(`roles.${viewer.role}`)}
        </Tag>
        <LanguageSwitch />
        <Button icon={<LogoutOutlined />} onClick={() => void signOut()} loading={fetching} data-testid="logout-button">
          {t('header.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
