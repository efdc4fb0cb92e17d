// Shows a new key once, with a copy button, a warning and a curl example.
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { curlExample } from '../curl';

interface Props {
  /** The whole key; the dialog is open while it is set. */
  secret: string | null;
  onClose: () => void;
}

export function ApiKeyResultDialog({ secret, onClose }: Props) {
  const { t } = useTranslation();
  const curl = secret ? curlExample(secret, window.location.origin) : '';
  return (
    <Modal
      open={!!secret}
      title={t('apiKeys.result.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      width={640}
      footer={
        <Button type="primary" onClick={onClose} data-testid="apikey-result-close">
          {t('apiKeys.result.done')}
        </Button>
      }
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('apiKeys.result.warning')} style={{ marginBottom: 16 }} />
      <Typography.Text strong>{t('apiKeys.result.key')}</Typography.Text>
      <Typography.Paragraph
        code
        copyable={{ text: secret ?? '', tooltips: [t('secCommon.copy'), t('secCommon.copied')] }}
        style={{ wordBreak: 'break-all', marginTop: 4 }}
        data-testid="apikey-secret"
      >
        {secret}
      </Typography.Paragraph>
      <Typography.Text strong>{t('apiKeys.result.example')}</Typography.Text>
      <Typography.Paragraph copyable={{ text: curl, tooltips: [t('secCommon.copy'), t('secCommon.copied')] }} style={{ marginTop: 4 }}>
        <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }} data-testid="apikey-curl">
          {curl}
        </pre>
      </Typography.Paragraph>
    </Modal>
  );
}
