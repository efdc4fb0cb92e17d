// Modal asking for the 6-digit authenticator code that step-up verification needs (shown by
// shared/graphql/stepUp.tsx; a new one for every question, so it starts empty).
import { useState } from 'react';
import { Alert, Form, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isSixDigitCode } from '../validation';
import { CodeInput } from './CodeInput';

interface Props {
  /** The server's message of the last refusal (e.g. a wrong code). */
  problem?: string;
  onSubmit: (code: string) => void;
  onCancel: () => void;
}

export function VerificationPrompt({ problem, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);

  const valid = isSixDigitCode(code);
  function submit() {
    setTouched(true);
    if (valid) onSubmit(code);
  }

  return (
    <Modal
      open
      title={t('verification.title')}
      okText={t('verification.submit')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onCancel}
      okButtonProps={{ disabled: !valid, 'data-testid': 'verification-submit' } as ButtonProps}
      destroyOnHidden
      width={400}
    >
      <Typography.Paragraph type="secondary">{t('verification.hint')}</Typography.Paragraph>
      {problem && <Alert type="warning" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="verification-problem" />}
      <Form.Item
        validateStatus={touched && !valid ? 'error' : undefined}
        help={touched && !valid ? t('verification.invalid') : undefined}
        style={{ marginBottom: 0 }}
      >
        <CodeInput value={code} onChange={setCode} onPressEnter={submit} autoFocus data-testid="verification-code" />
      </Form.Item>
    </Modal>
  );
}
