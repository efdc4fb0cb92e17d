// "Create key" dialog: name and scope; the parent runs the mutation.
import { Alert, Form, Input, Modal, Radio } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiKeyScope } from '../../../gql/graphql';

export interface CreateApiKeyValues {
  name: string;
  scope: ApiKeyScope;
}

interface Props {
  open: boolean;
  submitting: boolean;
  error?: string;
  onSubmit: (values: CreateApiKeyValues) => void;
  onCancel: () => void;
}

export function CreateApiKeyDialog({ open, submitting, error, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateApiKeyValues>();
  return (
    <Modal
      open={open}
      title={t('apiKeys.form.title')}
      okText={t('apiKeys.form.submit')}
      cancelText={t('secCommon.cancel')}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'apikey-create-submit' } as ButtonProps}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Form<CreateApiKeyValues>
        form={form}
        layout="vertical"
        initialValues={{ scope: 'READ' }}
        onFinish={(v) => onSubmit({ name: v.name.trim(), scope: v.scope })}
        preserve={false}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form.Item
          label={t('apiKeys.form.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('apiKeys.form.nameRequired') }, { max: 100 }]}
        >
          <Input placeholder={t('apiKeys.form.namePlaceholder')} maxLength={100} data-testid="apikey-name" />
        </Form.Item>
        <Form.Item label={t('apiKeys.form.scope')} name="scope">
          <Radio.Group
            data-testid="apikey-scope"
            options={[
              { value: 'READ', label: t('apiKeys.scope.READ') },
              { value: 'READ_WRITE', label: t('apiKeys.scope.READ_WRITE') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
