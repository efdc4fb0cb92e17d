// Partner admins: require authenticator codes for sensitive operations (needs own enrolment + a code).
import { useState } from 'react';
import { Alert, App, Card, Flex, Form, Modal, Space, Switch, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { SetStepUpRequiredMutation } from '../queries';
import { errorMessage } from '../../../shared/graphql/errors';
import { CodeInput, codeRule } from '../../../shared/components/CodeInput';

interface Props {
  required: boolean;
  totpEnabled: boolean;
  onChanged: () => void;
}

export function StepUpCard({ required, totpEnabled, onChanged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [target, setTarget] = useState<boolean | null>(null);
  const [error, setError] = useState<string>();
  const [{ fetching }, setRequired] = useMutation(SetStepUpRequiredMutation);
  const [form] = Form.useForm<{ code: string }>();

  async function submit({ code }: { code: string }) {
    if (target === null) return;
    setError(undefined);
    const r = await setRequired({ required: target, verificationCode: code });
    const refused = r.data?.setStepUpRequired.userErrors ?? [];
    if (r.error || refused.length) {
      setError(r.error ? errorMessage(r.error, t('errors.network')) : refused.map((e) => e.message).join('; '));
      return;
    }
    setTarget(null);
    void message.success(target ? t('security.stepUp.on') : t('security.stepUp.off'));
    onChanged();
  }

  return (
    <Card
      title={
        <Space>
          <LockOutlined />
          {t('security.stepUp.title')}
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Space>
          <Switch
            checked={required}
            disabled={!totpEnabled}
            onChange={(next) => {
              setError(undefined);
              form.resetFields();
              setTarget(next);
            }}
            data-testid="stepup-switch"
          />
          <Typography.Text strong>{t('security.stepUp.label')}</Typography.Text>
        </Space>
        <Typography.Text type="secondary">{t('security.stepUp.intro')}</Typography.Text>
        {!totpEnabled && <Alert type="info" showIcon title={t('security.stepUp.needTotp')} data-testid="stepup-need-totp" />}
      </Flex>
      <Modal
        open={target !== null}
        title={target ? t('security.stepUp.confirmTitleOn') : t('security.stepUp.confirmTitleOff')}
        okText={t('secCommon.confirm')}
        cancelText={t('secCommon.cancel')}
        confirmLoading={fetching}
        okButtonProps={{ 'data-testid': 'stepup-submit' } as ButtonProps}
        onOk={() => form.submit()}
        onCancel={() => setTarget(null)}
        destroyOnHidden
        width={420}
      >
        <Typography.Paragraph type="secondary">{t('security.stepUp.confirmHint')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form form={form} onFinish={(v) => void submit(v)} preserve={false}>
          <Form.Item name="code" label={t('security.code.label')} rules={[codeRule(t('security.code.required'))]}>
            <CodeInput data-testid="stepup-code" autoFocus onPressEnter={() => form.submit()} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
