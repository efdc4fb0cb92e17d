// The sign-in form: presentational, the view owns the mutation.
import { Alert, Button, Form, Input, Typography } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export interface LoginValues {
  email: string;
  password: string;
}

interface Props {
  onSubmit: (values: LoginValues) => void;
  submitting: boolean;
  error?: string;
}

export function LoginForm({ onSubmit, submitting, error }: Props) {
  const { t } = useTranslation();
  return (
    <Form<LoginValues> layout="vertical" onFinish={onSubmit} requiredMark={false} autoComplete="on">
      {error && (
        <Form.Item>
          <Alert type="error" showIcon title={t('login.failed')} description={error} data-testid="login-error" />
        </Form.Item>
      )}
      <Form.Item
        label={t('login.email')}
        name="email"
        normalize={(v: string) => v.trim()}
        rules={[
          { required: true, message: t('login.emailRequired') },
          { type: 'email', message: t('login.emailInvalid') },
        ]}
      >
        <Input prefix={<MailOutlined />} autoComplete="username" data-testid="login-email" />
      </Form.Item>
      <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form.Item>
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="demo-hint">
        {t('login.demoHint')}
      </Typography.Text>
    </Form>
  );
}
