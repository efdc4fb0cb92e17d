// A confirm dialog with a reason field (and optional extra fields); shows the server's refusal.
import { useState, type ReactNode } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ReasonValues {
  reason?: string;
  [field: string]: unknown;
}

interface Props {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  reasonRequired?: boolean;
  okText?: string;
  danger?: boolean;
  loading?: boolean;
  /** Extra Form.Items above the reason. */
  children?: ReactNode;
  initialValues?: Record<string, unknown>;
  /** Resolves to an error to show, or undefined when done (the dialog then closes). */
  onSubmit: (values: ReasonValues) => Promise<string | undefined>;
  onClose: () => void;
  /** Called when any field changes (e.g. to start a new idempotent action). */
  onValuesChange?: () => void;
  testId?: string;
}

export function ReasonDialog({
  open,
  title,
  description,
  reasonRequired,
  okText,
  danger,
  loading,
  children,
  initialValues,
  onSubmit,
  onClose,
  onValuesChange,
  testId,
}: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReasonValues>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function finish(values: ReasonValues) {
    setError(undefined);
    setBusy(true);
    try {
      const problem = await onSubmit({ ...values, reason: values.reason?.trim() || undefined });
      if (problem) setError(problem);
      else close();
    } finally {
      setBusy(false);
    }
  }

  function close() {
    setError(undefined);
    form.resetFields();
    onClose();
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={okText ?? t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger }}
      confirmLoading={busy || loading}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      forceRender={false}
    >
      <div data-testid={testId}>
        {description && <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>}
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(v) => void finish(v)}
          onValuesChange={() => {
            setError(undefined);
            onValuesChange?.();
          }}
        >
          {children}
          <Form.Item
            name="reason"
            label={t('common.reason')}
            rules={reasonRequired ? [{ required: true, whitespace: true, message: t('common.reasonRequired') }] : undefined}
          >
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="reason-input" />
          </Form.Item>
        </Form>
        {error && <Alert type="error" showIcon title={error} data-testid="dialog-error" />}
      </div>
    </Modal>
  );
}
