// Change password; afterwards every session ends, so the person signs in again.
import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { ChangePasswordMutation } from '../queries';
import { errorMessage } from '../../../shared/graphql/errors';
import { useResetClient } from '../../../shared/graphql/resetClient';
import { LOGIN_PATH } from '../../../app/paths';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const resetClient = useResetClient();
  const [error, setError] = useState<string>();
  const [{ fetching }, change] = useMutation(ChangePasswordMutation);

  async function submit(v: Values) {
    setError(undefined);
    const r = await change({ input: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
    if (r.error || !r.data?.changePassword.ok) {
      const refused = r.data?.changePassword.userErrors ?? [];
      setError(r.error ? errorMessage(r.error, t('errors.network')) : refused.map((e) => e.message).join('; ') || t('errors.generic'));
      return;
    }
    void message.success({ content: t('security.password.changed'), duration: 6 });
    resetClient();
    navigate(LOGIN_PATH, { replace: true });
  }

  return (
    <Card
      title={
        <Space>
          <KeyOutlined />
          {t('security.password.title')}
        </Space>
      }
    >
      <Form<Values> layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 420 }} requiredMark={false}>
        <Typography.Paragraph type="secondary">{t('security.password.rules')}</Typography.Paragraph>
        {error && (
          <Form.Item>
            <Alert type="error" showIcon title={error} data-testid="password-error" />
          </Form.Item>
        )}
        <Form.Item label={t('security.password.current')} name="currentPassword" rules={[{ required: true, message: t('security.password.required') }]}>
          <Input.Password autoComplete="current-password" data-testid="password-current" />
        </Form.Item>
        <Form.Item
          label={t('security.password.new')}
          name="newPassword"
          rules={[
            { required: true, message: t('security.password.required') },
            { min: 10, message: t('security.password.tooShort') },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-new" />
        </Form.Item>
        <Form.Item
          label={t('security.password.confirm')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('security.password.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('security.password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={fetching} data-testid="password-submit">
          {t('security.password.submit')}
        </Button>
      </Form>
    </Card>
  );
}
