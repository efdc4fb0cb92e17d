// Authenticator enrolment: begin -> QR code and secret -> first code -> enrolled; removal with a code.
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, QRCode, Space, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { BeginTotpEnrollmentMutation, ConfirmTotpEnrollmentMutation, DisableTotpMutation } from '../queries';
import { errorMessage } from '../../../shared/graphql/errors';
import { CodeInput, codeRule } from '../../../shared/components/CodeInput';
import { groupSecret } from '../code';

interface Props {
  enabled: boolean;
  onChanged: () => void;
}

export function TotpCard({ enabled, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [enrollment, setEnrollment] = useState<{ secret: string; uri: string } | null>(null);
  const [error, setError] = useState<string>();
  const [{ fetching: beginning }, begin] = useMutation(BeginTotpEnrollmentMutation);
  const [{ fetching: confirming }, confirm] = useMutation(ConfirmTotpEnrollmentMutation);
  const [{ fetching: disabling }, disable] = useMutation(DisableTotpMutation);
  const [confirmForm] = Form.useForm<{ code: string }>();
  const [disableForm] = Form.useForm<{ code: string }>();
  const failed = (e: Parameters<typeof errorMessage>[0]) => setError(errorMessage(e, t('errors.network')));
  // A refusal (userErrors) is shown like an error; true when there was one.
  const refused = (userErrors: readonly { message: string }[] | undefined): boolean => {
    if (!userErrors?.length) return false;
    setError(userErrors.map((e) => e.message).join('; '));
    return true;
  };

  async function start() {
    setError(undefined);
    const r = await begin({});
    if (r.error || !r.data) return r.error ? failed(r.error) : undefined;
    const { secret, uri, userErrors } = r.data.beginTotpEnrollment;
    if (refused(userErrors) || !secret || !uri) return;
    setEnrollment({ secret, uri });
    confirmForm.resetFields();
  }

  async function finish({ code }: { code: string }) {
    setError(undefined);
    const r = await confirm({ code });
    if (r.error) return failed(r.error);
    if (refused(r.data?.confirmTotpEnrollment.userErrors)) return;
    setEnrollment(null);
    void message.success(t('security.totp.enrolled'));
    onChanged();
  }

  async function remove({ code }: { code: string }) {
    setError(undefined);
    const r = await disable({ code });
    if (r.error) return failed(r.error);
    if (refused(r.data?.disableTotp.userErrors)) return;
    disableForm.resetFields();
    void message.success(t('security.totp.disabledDone'));
    onChanged();
  }

  return (
    <Card
      title={
        <Space>
          <SafetyCertificateOutlined />
          {t('security.totp.title')}
          <Tag color={enabled ? 'green' : 'default'} data-testid="totp-state" data-enabled={enabled}>
            {enabled ? t('security.totp.enabled') : t('security.totp.disabled')}
          </Tag>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('security.totp.intro')}</Typography.Text>
        {error && <Alert type="error" showIcon title={error} data-testid="totp-error" closable={{ onClose: () => setError(undefined) }} />}

        {!enabled && !enrollment && (
          <div>
            <Button type="primary" onClick={() => void start()} loading={beginning} data-testid="totp-begin">
              {t('security.totp.begin')}
            </Button>
          </div>
        )}

        {!enabled && enrollment && (
          <Flex vertical gap={12}>
            <Typography.Text>{t('security.totp.scan')}</Typography.Text>
            <Flex gap={24} align="center" wrap>
              <QRCode value={enrollment.uri} size={176} data-testid="totp-qr" />
              <div>
                <Typography.Text type="secondary">{t('security.totp.secret')}</Typography.Text>
                <Typography.Paragraph
                  code
                  copyable={{ text: enrollment.secret, tooltips: [t('secCommon.copy'), t('secCommon.copied')] }}
                  data-testid="totp-secret"
                  data-secret={enrollment.secret}
                  style={{ fontSize: 16, marginTop: 4 }}
                >
                  {groupSecret(enrollment.secret)}
                </Typography.Paragraph>
              </div>
            </Flex>
            <Typography.Text>{t('security.totp.enterCode')}</Typography.Text>
            <Form form={confirmForm} layout="inline" onFinish={(v) => void finish(v)}>
              <Form.Item name="code" rules={[codeRule(t('security.code.required'))]}>
                <CodeInput data-testid="totp-confirm-code" autoFocus />
              </Form.Item>
              <Form.Item>
                <Space>
                  <Button type="primary" htmlType="submit" loading={confirming} data-testid="totp-confirm">
                    {t('security.totp.confirm')}
                  </Button>
                  <Button onClick={() => setEnrollment(null)}>{t('security.totp.cancel')}</Button>
                </Space>
              </Form.Item>
            </Form>
          </Flex>
        )}

        {enabled && (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary">{t('security.totp.disableHint')}</Typography.Text>
            <Form form={disableForm} layout="inline" onFinish={(v) => void remove(v)}>
              <Form.Item name="code" rules={[codeRule(t('security.code.required'))]}>
                <CodeInput data-testid="totp-disable-code" />
              </Form.Item>
              <Form.Item>
                <Button danger htmlType="submit" loading={disabling} data-testid="totp-disable">
                  {t('security.totp.disable')}
                </Button>
              </Form.Item>
            </Form>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
