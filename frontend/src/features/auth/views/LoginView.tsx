// Sign-in screen: runs the login mutation and moves on to the console.
import { useState } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { LoginMutation } from '../queries';
import { LoginForm, type LoginValues } from '../components/LoginForm';
import { errorMessage } from '../../../shared/graphql/errors';
import { describeRefusal } from '../../../shared/graphql/errorInfo';
import { useResetClient } from '../../../shared/graphql/resetClient';
import { LanguageSwitch } from '../../../shared/components/LanguageSwitch';
import { homePathFor } from '../../../app/paths';

export function LoginView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [error, setError] = useState<string>();

  async function submit(values: LoginValues) {
    setError(undefined);
    const result = await login({ email: values.email.trim(), password: values.password });
    const refused = result.data?.login.userErrors ?? [];
    if (result.error || !result.data?.login.viewer) {
      setError(
        result.error
          ? errorMessage(result.error, t('errors.network'))
          : refused.map((e) => describeRefusal(e, t)).join('; ') || t('errors.generic'),
      );
      return;
    }
    resetClient(); // drop anything cached for the previous session
    navigate(homePathFor(result.data.login.viewer.role), { replace: true });
  }

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f7fa' }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Flex justify="space-between" align="start">
          <div>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {t('login.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
          </div>
          <LanguageSwitch />
        </Flex>
        <LoginForm onSubmit={submit} submitting={fetching} error={error} />
      </Card>
    </Flex>
  );
}
