// The platform's quota dialogs: grant (partner, kind, value, validity, limits, reason), adjust
// (delta, new end of validity) and set status. Each opening is one action with its own
// idempotency key, renewed when the form changes.
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { CouponQuotaKind, CouponQuotaStatus } from '../../../gql/graphql';
import { deltaProblem, grantableKinds, toDelta } from '../rules';
import { AdjustCouponQuotaMutation, CouponGrantPartnersQuery, GrantCouponQuotaMutation, SetCouponQuotaStatusMutation } from '../queries';
import { newIdempotencyKey } from '../../../shared/graphql/verification';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';
import { AmountField } from '../../../shared/components/AmountField';
import { formatMoney, toDecimal } from '../../../shared/money/money';
import { limitsInput, type LimitRow } from '../limits';
import { LimitsEditor } from './LimitsEditor';
import type { QuotaRow } from './QuotaTable';

const QUOTA_TYPES = { additionalTypenames: ['CouponQuota', 'CouponRecord'] };

function useRefusal() {
  const { t } = useTranslation();
  const [error, setError] = useState<string>();
  const read = (r: { error?: Parameters<typeof describeError>[0]; payload?: { userErrors: readonly { field?: string[] | null; code?: string | null; message: string }[] } | null }) => {
    if (r.error) {
      setError(describeError(r.error, t));
      return false;
    }
    if (!r.payload) {
      setError(t('errors.generic'));
      return false;
    }
    if (r.payload.userErrors.length) {
      setError(r.payload.userErrors.map((e) => describeRefusal(e, t)).join('; '));
      return false;
    }
    setError(undefined);
    return true;
  };
  return { error, setError, read };
}

interface GrantValues {
  partnerID?: string;
  kind?: CouponQuotaKind;
  amount?: string;
  validity?: [Dayjs, Dayjs];
  limits?: LimitRow[];
  reason?: string;
}

export function GrantQuotaDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantValues>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [{ fetching }, grant] = useMutation(GrantCouponQuotaMutation);
  const [partners] = useQuery({ query: CouponGrantPartnersQuery });
  const { error, read } = useRefusal();
  const options = (partners.data?.partners.edges ?? []).flatMap((e) => (e?.node && grantableKinds(e.node.kind).length ? [e.node] : []));
  const partnerID = Form.useWatch('partnerID', form);
  const kinds = grantableKinds(options.find((p) => p.id === partnerID)?.kind);

  async function submit(v: GrantValues) {
    if (!v.partnerID || !v.kind || !v.validity) return;
    const r = await grant(
      {
        idempotencyKey: key,
        input: {
          partnerID: v.partnerID,
          kind: v.kind,
          value: toDecimal(v.amount ?? ''),
          validFrom: v.validity[0].startOf('day').format(),
          validUntil: v.validity[1].endOf('day').format(),
          limits: limitsInput(v.limits),
          reason: v.reason?.trim() || null,
        },
      },
      QUOTA_TYPES,
    );
    if (!read({ error: r.error, payload: r.data?.grantCouponQuota })) return;
    void message.success(t('coupons.grants.granted'));
    onDone();
    onClose();
  }

  return (
    <Modal
      open
      title={t('coupons.grants.grant')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ 'data-testid': 'grant-submit' } as ButtonProps}
      confirmLoading={fetching}
      width={680}
      destroyOnHidden
    >
      <Form<GrantValues>
        form={form}
        layout="vertical"
        initialValues={{ validity: [dayjs(), dayjs().add(1, 'year')] }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<GrantValues>) => {
          setKey(newIdempotencyKey());
          if ('partnerID' in changed) {
            const k = grantableKinds(options.find((p) => p.id === changed.partnerID)?.kind);
            form.setFieldsValue({ kind: k[0] });
          }
        }}
      >
        <Form.Item name="partnerID" label={t('coupons.grants.partner')} rules={[{ required: true, message: t('coupons.grants.partnerRequired') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={partners.fetching}
            options={options.map((p) => ({ value: p.id, label: p.name }))}
            data-testid="grant-partner"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('coupons.grants.kind')} extra={t('coupons.grants.kindHint')} rules={[{ required: true }]}>
          <Radio.Group options={kinds.map((k) => ({ value: k, label: t(`coupons.kind.${k}`) }))} />
        </Form.Item>
        <AmountField label={t('coupons.grants.value')} testId="grant-value" />
        <Form.Item name="validity" label={t('coupons.grants.validity')} rules={[{ required: true, message: t('coupons.grants.validityRequired') }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <LimitsEditor />
        <Form.Item name="reason" label={t('coupons.grants.reason')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="grant-error" />}
    </Modal>
  );
}

interface AdjustValues {
  delta?: string;
  validUntil?: Dayjs | null;
  reason?: string;
}

export function AdjustQuotaDialog({ quota, onClose, onDone }: { quota: QuotaRow; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdjustValues>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [{ fetching }, adjust] = useMutation(AdjustCouponQuotaMutation);
  const { error, read } = useRefusal();

  async function submit(v: AdjustValues) {
    const newUntil = v.validUntil && !v.validUntil.isSame(dayjs(quota.validUntil), 'day') ? v.validUntil.endOf('day').format() : null;
    const r = await adjust(
      { idempotencyKey: key, input: { quotaID: quota.id, delta: v.delta?.trim() ? toDelta(v.delta) : '0.00', validUntil: newUntil, reason: v.reason?.trim() || null } },
      QUOTA_TYPES,
    );
    if (!read({ error: r.error, payload: r.data?.adjustCouponQuota })) return;
    void message.success(t('coupons.grants.adjusted'));
    onDone();
    onClose();
  }

  return (
    <Modal
      open
      title={t('coupons.grants.adjustTitle', { balance: formatMoney(quota.balance, { symbol: true }) })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ 'data-testid': 'adjust-submit' } as ButtonProps}
      confirmLoading={fetching}
      destroyOnHidden
    >
      <Form<AdjustValues>
        form={form}
        layout="vertical"
        initialValues={{ validUntil: dayjs(quota.validUntil) }}
        onFinish={(v) => void submit(v)}
        onValuesChange={() => setKey(newIdempotencyKey())}
      >
        <Form.Item
          name="delta"
          label={t('coupons.grants.delta')}
          extra={t('coupons.grants.deltaHint')}
          rules={[
            {
              validator: (_, v: string | undefined) => {
                if (!v?.trim()) return Promise.resolve(); // only the validity changes
                return deltaProblem(v) ? Promise.reject(new Error(t('coupons.grants.deltaInvalid'))) : Promise.resolve();
              },
            },
          ]}
        >
          <Input prefix="¥" inputMode="decimal" placeholder="-100.00 / 500.00" data-testid="adjust-delta" />
        </Form.Item>
        <Form.Item name="validUntil" label={t('coupons.grants.newValidUntil')}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(quota.validFrom), 'day')} />
        </Form.Item>
        <Form.Item name="reason" label={t('coupons.grants.reason')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="adjust-error" />}
    </Modal>
  );
}

const SETTABLE: readonly CouponQuotaStatus[] = ['NORMAL', 'FROZEN', 'ADJUSTING', 'INVALID'];

export function QuotaStatusDialog({ quota, onClose, onDone }: { quota: QuotaRow; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ status: CouponQuotaStatus; reason?: string }>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [{ fetching }, setStatus] = useMutation(SetCouponQuotaStatusMutation);
  const { error, read } = useRefusal();

  async function submit(v: { status: CouponQuotaStatus; reason?: string }) {
    const r = await setStatus({ idempotencyKey: key, input: { quotaID: quota.id, status: v.status, reason: v.reason?.trim() || null } }, QUOTA_TYPES);
    if (!read({ error: r.error, payload: r.data?.setCouponQuotaStatus })) return;
    void message.success(t('coupons.grants.statusSet'));
    onDone();
    onClose();
  }

  return (
    <Modal
      open
      title={t('coupons.grants.statusTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ 'data-testid': 'status-submit' } as ButtonProps}
      confirmLoading={fetching}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ status: quota.status }} onFinish={(v) => void submit(v)} onValuesChange={() => setKey(newIdempotencyKey())}>
        <Form.Item name="status" label={t('coupons.columns.status')} extra={t('coupons.grants.statusHint')}>
          <Radio.Group options={SETTABLE.map((s) => ({ value: s, label: t(`coupons.quotaStatus.${s}`) }))} data-testid="status-radio" />
        </Form.Item>
        <Form.Item name="reason" label={t('coupons.grants.reason')}>
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="status-error" />}
    </Modal>
  );
}
