// Create a customer (创建客户): format checks as you type, a debounced registration check per
// field, an SMS code with a 60 s countdown, then createCustomer and on to the detail page.
import { useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Col, Form, Input, Radio, Row, Space, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import type { Rule } from 'antd/es/form';
import { Link, useNavigate } from 'react-router';
import { useClient, useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { CustomerAssociationType } from '../../../gql/graphql';
import { CheckCustomerRegistrationQuery, CreateCustomerMutation, SendVerificationCodeMutation } from '../queries';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';
import { isSixDigitCode, isValidMobile } from '../../../shared/validation';
import { CUSTOMERS_PATH, customerPath } from '../../../app/paths';
import { localStatus, remoteStatus, secondsLeft, type RegistrationField } from '../registration';

interface Values {
  accountName: string;
  name: string;
  mobile: string;
  email: string;
  provinceCode?: string;
  cityCode?: string;
  associationType: CustomerAssociationType;
  label?: string;
  remark?: string;
  verificationCode: string;
}

export function CustomerCreateView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [available, setAvailable] = useState<Partial<Record<RegistrationField, string>>>({});
  const [sentAt, setSentAt] = useState<number>();
  const [now, setNow] = useState(() => Date.now());
  const [smsState, sendCode] = useMutation(SendVerificationCodeMutation);
  const [createState, create] = useMutation(CreateCustomerMutation);
  const [error, setError] = useState<string>();
  const mobile = Form.useWatch('mobile', form);
  const watched = {
    accountName: Form.useWatch('accountName', form),
    mobile,
    email: Form.useWatch('email', form),
  };
  const wait = secondsLeft(sentAt, now);

  useEffect(() => {
    if (!wait) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [wait]);

  const checkRule = (field: RegistrationField): Rule => ({
    validator: async (_, raw: string | undefined) => {
      const value = raw?.trim() ?? '';
      const local = localStatus(field, value);
      if (local === 'empty') throw new Error(t(`customers.create.required.${field}`));
      if (local === 'invalid') throw new Error(t(`customers.create.invalid.${field}`));
      const r = await client.query(CheckCustomerRegistrationQuery, { [field]: value }, { requestPolicy: 'network-only' }).toPromise();
      if (r.error) throw new Error(describeError(r.error, t));
      const check = r.data?.checkCustomerRegistration.find((c) => c.field === field);
      const status = remoteStatus(check);
      setAvailable((a) => ({ ...a, [field]: status === 'available' ? value : undefined }));
      if (status === 'taken') throw new Error(t('customers.create.taken'));
      if (status === 'invalid') throw new Error(check?.message || t(`customers.create.invalid.${field}`));
    },
  });

  const availableNote = (field: RegistrationField) =>
    available[field] !== undefined && available[field] === watched[field]?.trim() ? (
      <Typography.Text type="success" data-testid={`available-${field}`}>
        <CheckCircleFilled /> {t('customers.create.available')}
      </Typography.Text>
    ) : undefined;

  async function send() {
    setError(undefined);
    const value = form.getFieldValue('mobile')?.trim() ?? '';
    const r = await sendCode({ mobile: value });
    const refused = r.data?.sendVerificationCode.userErrors ?? [];
    if (r.error || refused.length) {
      void message.error(r.error ? describeError(r.error, t) : refused.map((e) => describeRefusal(e, t)).join('; '));
      return;
    }
    setSentAt(Date.now());
    setNow(Date.now());
    void message.success(t('customers.create.codeSent'));
  }

  async function submit(v: Values) {
    setError(undefined);
    const r = await create({
      input: {
        accountName: v.accountName.trim(),
        name: v.name.trim(),
        mobile: v.mobile.trim(),
        email: v.email.trim(),
        provinceCode: v.provinceCode?.trim() || null,
        cityCode: v.cityCode?.trim() || null,
        associationType: v.associationType,
        verificationCode: v.verificationCode.trim(),
        label: v.label?.trim() || null,
        remark: v.remark?.trim() || null,
      },
    });
    const created = r.data?.createCustomer.customer;
    if (r.error || !created) {
      const refused = r.data?.createCustomer.userErrors ?? [];
      setError(r.error ? describeError(r.error, t) : refused.map((e) => describeRefusal(e, t)).join('; ') || t('errors.generic'));
      return;
    }
    void message.success(t('customers.create.created'));
    navigate(customerPath(created.id), { replace: true });
  }

  return (
    <Card>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Breadcrumb items={[{ title: <Link to={CUSTOMERS_PATH}>{t('customers.title')}</Link> }, { title: t('customers.create.title') }]} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('customers.create.title')}
        </Typography.Title>
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ maxWidth: 760 }}
          initialValues={{ associationType: 'RESALE' }}
          onFinish={(v) => void submit(v)}
          data-testid="create-customer-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="accountName"
                label={t('customers.fields.accountName')}
                rules={[checkRule('accountName')]}
                validateDebounce={400}
                hasFeedback
                extra={availableNote('accountName') ?? t('customers.create.accountNameHint')}
                required
              >
                <Input autoComplete="off" maxLength={64} data-testid="create-accountName" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="name"
                label={t('customers.fields.name')}
                rules={[{ required: true, whitespace: true, message: t('customers.create.required.name') }, { max: 200 }]}
              >
                <Input maxLength={200} data-testid="create-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="mobile"
                label={t('customers.fields.mobile')}
                rules={[checkRule('mobile')]}
                validateDebounce={400}
                hasFeedback
                extra={availableNote('mobile') ?? t('customers.create.mobileHint')}
                required
              >
                <Input placeholder="0086-13912345678" maxLength={32} autoComplete="off" data-testid="create-mobile" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="email"
                label={t('customers.fields.email')}
                rules={[checkRule('email')]}
                validateDebounce={400}
                hasFeedback
                extra={availableNote('email')}
                required
              >
                <Input maxLength={254} autoComplete="off" data-testid="create-email" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="provinceCode" label={t('customers.fields.provinceCode')}>
                <Input maxLength={16} placeholder="110000" data-testid="create-province" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="cityCode" label={t('customers.fields.cityCode')}>
                <Input maxLength={16} placeholder="110100" data-testid="create-city" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="associationType" label={t('customers.fields.associationType')} required>
                <Radio.Group
                  optionType="button"
                  options={(['RESALE', 'ADVISORY'] as const).map((type) => ({ value: type, label: t(`customers.associationType.${type}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="label" label={t('customers.fields.label')}>
                <Input maxLength={64} data-testid="create-label" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label={t('customers.create.smsCode')} required>
                <Space.Compact style={{ width: '100%' }}>
                  <Form.Item
                    name="verificationCode"
                    noStyle
                    rules={[
                      {
                        validator: (_, v: string | undefined) =>
                          isSixDigitCode(v?.trim() ?? '')
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('customers.create.smsCodeInvalid'))),
                      },
                    ]}
                  >
                    <Input maxLength={6} inputMode="numeric" placeholder="123456" data-testid="create-code" />
                  </Form.Item>
                  <Button
                    onClick={() => void send()}
                    loading={smsState.fetching}
                    disabled={wait > 0 || !isValidMobile(mobile?.trim() ?? '')}
                    data-testid="create-send-code"
                  >
                    {wait > 0 ? t('customers.create.resendIn', { count: wait }) : t('customers.create.sendCode')}
                  </Button>
                </Space.Compact>
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="remark" label={t('customers.fields.remark')}>
                <Input.TextArea rows={3} maxLength={500} showCount />
              </Form.Item>
            </Col>
          </Row>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="create-error" />}
          <Space>
            <Button type="primary" htmlType="submit" loading={createState.fetching} data-testid="create-submit">
              {t('customers.create.submit')}
            </Button>
            <Button onClick={() => navigate(CUSTOMERS_PATH)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      </Space>
    </Card>
  );
}
