// Modal asking for the 6-digit authenticator code that step-up verification needs.
import { useEffect, useRef, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps, InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { isSixDigitCode } from '../validation';

interface Props {
  open: boolean;
  /** The server's message of the last refusal (e.g. a wrong code). */
  problem?: string;
  onSubmit: (code: string) => void;
  onCancel: () => void;
}

export function VerificationPrompt({ open, problem, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [touched, setTouched] = useState(false);
  const input = useRef<InputRef>(null);

  useEffect(() => {
    if (open) {
      setCode('');
      setTouched(false);
      setTimeout(() => input.current?.focus(), 50);
    }
  }, [open, problem]);

  const valid = isSixDigitCode(code);
  function submit() {
    setTouched(true);
    if (valid) onSubmit(code);
  }

  return (
    <Modal
      open={open}
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
      {problem && <Alert type="warning" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form.Item
        validateStatus={touched && !valid ? 'error' : undefined}
        help={touched && !valid ? t('verification.invalid') : undefined}
        style={{ marginBottom: 0 }}
      >
        <Input
          ref={input}
          value={code}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder="123456"
          data-testid="verification-code"
          onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
          onPressEnter={submit}
        />
      </Form.Item>
    </Modal>
  );
}
