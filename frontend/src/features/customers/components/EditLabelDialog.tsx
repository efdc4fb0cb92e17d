// Edit a customer's label and remark (updateCustomer).
import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { UpdateCustomerMutation } from '../queries';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';

interface Props {
  open: boolean;
  customerId: string;
  label?: string | null;
  remark?: string | null;
  onClose: () => void;
  onSaved: () => void;
}

export function EditLabelDialog({ open, customerId, label, remark, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ label?: string; remark?: string }>();
  const [{ fetching }, update] = useMutation(UpdateCustomerMutation);
  const [error, setError] = useState<string>();

  async function save(v: { label?: string; remark?: string }) {
    setError(undefined);
    const r = await update({ input: { id: customerId, label: v.label?.trim() ?? '', remark: v.remark?.trim() ?? '' } });
    const refused = r.data?.updateCustomer.userErrors ?? [];
    if (r.error || refused.length) {
      setError(r.error ? describeError(r.error, t) : refused.map((e) => describeRefusal(e, t)).join('; '));
      return;
    }
    void message.success(t('common.saved'));
    onSaved();
    onClose();
  }

  return (
    <Modal
      open={open}
      title={t('customers.detail.editLabel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={fetching}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ label: label ?? '', remark: remark ?? '' }} onFinish={(v) => void save(v)}>
        <Form.Item name="label" label={t('customers.fields.label')}>
          <Input maxLength={64} allowClear data-testid="edit-label" />
        </Form.Item>
        <Form.Item name="remark" label={t('customers.fields.remark')} extra={t('customers.detail.remarkHint')}>
          <Input.TextArea maxLength={500} rows={3} showCount data-testid="edit-remark" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
