// 发放代金券额度: a distributor issues the same value of one of its voucher quotas to several of its
// cloud resellers at once (all or nothing, answered per reseller).
import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CouponResellerOptionsQuery, CouponStepUpQuery, IssueQuotaToResellersMutation } from '../queries';
import { useVerifiedMutation } from '../../../shared/graphql/stepUp';
import { newIdempotencyKey } from '../../../shared/graphql/verification';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';
import { AmountField } from '../../../shared/components/AmountField';
import { BatchResultTable, type BatchRow } from '../../../shared/components/BatchResultTable';
import { formatMoney, toDecimal } from '../../../shared/money/money';
import { issueValidity, MAX_BATCH } from '../rules';
import type { QuotaRow } from './QuotaTable';

const QUOTA_TYPES = { additionalTypenames: ['CouponQuota', 'CouponRecord'] };

interface Values {
  quotaID?: string;
  resellerIDs?: string[];
  amount?: string;
  validity?: [Dayjs, Dayjs] | null;
  reason?: string;
}

interface Props {
  /** The distributor's own voucher quotas (NORMAL ones can issue). */
  quotas: QuotaRow[];
  onClose: () => void;
  onDone: () => void;
}

export function IssueQuotaDialog({ quotas, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<string>();
  const [refusal, setRefusal] = useState<{ message: string; rows: BatchRow[] }>();
  const [results, setResults] = useState<BatchRow[]>();
  const { run, fetching, prompt } = useVerifiedMutation(IssueQuotaToResellersMutation);
  const [resellers] = useQuery({ query: CouponResellerOptionsQuery });
  const [stepUp] = useQuery({ query: CouponStepUpQuery });
  const names = new Map((resellers.data?.partners.edges ?? []).flatMap((e) => (e?.node ? [[e.node.id, e.node.name] as const] : [])));
  const usable = quotas.filter((q) => q.status === 'NORMAL' && q.kind === 'VOUCHER');
  const quotaID = Form.useWatch('quotaID', form);
  const quota = usable.find((q) => q.id === quotaID);

  async function submit(v: Values) {
    if (!quota) return;
    setError(undefined);
    setRefusal(undefined);
    const { result, cancelled } = await run(
      (verificationCode) => ({
        idempotencyKey: key,
        input: {
          quotaID: quota.id,
          resellerIDs: v.resellerIDs ?? [],
          value: toDecimal(v.amount ?? ''),
          ...issueValidity(v.validity, quota),
          reason: v.reason?.trim() || null,
          verificationCode: verificationCode ?? null,
        },
      }),
      QUOTA_TYPES,
    );
    if (cancelled) {
      setError(t('coupons.common.verificationCancelled'));
      return;
    }
    if (result.error || !result.data) {
      setError(result.error ? describeError(result.error, t) : t('errors.generic'));
      return;
    }
    const p = result.data.issueQuotaToResellers;
    if (p.userErrors.length || p.failed > 0 || p.succeeded === 0) {
      setRefusal({ message: p.userErrors.map((e) => describeRefusal(e, t)).join('; ') || t('coupons.resellerQuotas.refused'), rows: p.results });
      return;
    }
    void message.success(t('coupons.resellerQuotas.done', { count: p.succeeded }));
    setResults(p.results);
    onDone();
  }

  return (
    <Modal
      open
      title={t('coupons.resellerQuotas.issueTitle')}
      onCancel={onClose}
      onOk={() => (results ? onClose() : form.submit())}
      okText={results ? t('common.close') : t('common.confirm')}
      cancelButtonProps={{ style: results ? { display: 'none' } : undefined }}
      okButtonProps={{ 'data-testid': 'quota-issue-submit' } as ButtonProps}
      confirmLoading={fetching}
      width={640}
      destroyOnHidden
    >
      <div data-testid="quota-issue-dialog">
        {results ? (
          <>
            <Typography.Paragraph>
              {t('batch.summary', { succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length })}
            </Typography.Paragraph>
            <BatchResultTable results={results} nameOf={(id) => names.get(id)} />
          </>
        ) : (
          <>
            {usable.length === 0 && <Alert type="warning" showIcon title={t('coupons.issue.noQuota')} style={{ marginBottom: 12 }} />}
            {stepUp.data?.viewer?.partner?.requireStepUp && <Alert type="info" showIcon title={t('coupons.common.stepUpHint')} style={{ marginBottom: 12 }} />}
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
            {refusal && (
              <>
                <Alert type="error" showIcon title={t('coupons.resellerQuotas.refused')} description={refusal.message} style={{ marginBottom: 12 }} />
                {refusal.rows.length > 0 && (
                  <div style={{ marginBottom: 16 }}>
                    <BatchResultTable results={refusal.rows} nameOf={(id) => names.get(id)} />
                  </div>
                )}
              </>
            )}
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={(v) => void submit(v)}
              onValuesChange={(changed: Partial<Values>) => {
                setKey(newIdempotencyKey());
                setRefusal(undefined);
                if ('quotaID' in changed) {
                  const q = usable.find((x) => x.id === changed.quotaID);
                  form.setFieldsValue({ validity: q ? [dayjs(q.validFrom), dayjs(q.validUntil)] : null });
                }
              }}
            >
              <Form.Item name="quotaID" label={t('coupons.issue.quota')} rules={[{ required: true, message: t('coupons.issue.quotaRequired') }]}>
                <Select
                  data-testid="quota-issue-source"
                  options={usable.map((q) => ({
                    value: q.id,
                    label: t('coupons.issue.quotaOption', {
                      kind: t(`coupons.kind.${q.kind}`),
                      balance: formatMoney(q.balance, { symbol: true }),
                      until: dayjs(q.validUntil).format('YYYY-MM-DD'),
                    }),
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="resellerIDs"
                label={t('coupons.resellerQuotas.resellers')}
                rules={[
                  { required: true, message: t('coupons.resellerQuotas.resellersRequired') },
                  { type: 'array', max: MAX_BATCH, message: t('coupons.issue.customersTooMany', { max: MAX_BATCH }) },
                ]}
              >
                <Select
                  mode="multiple"
                  loading={resellers.fetching}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={[...names].map(([value, label]) => ({ value, label }))}
                  data-testid="quota-issue-resellers"
                />
              </Form.Item>
              <AmountField label={t('coupons.resellerQuotas.valueEach')} max={quota?.balance} testId="quota-issue-value" />
              <Form.Item name="validity" label={t('coupons.issue.validity')} extra={t('coupons.resellerQuotas.validityHint')}>
                <DatePicker.RangePicker
                  disabled={!quota}
                  disabledDate={(d) => !!quota && (d.isBefore(dayjs(quota.validFrom), 'day') || d.isAfter(dayjs(quota.validUntil), 'day'))}
                />
              </Form.Item>
              <Form.Item name="reason" label={t('common.reason')}>
                <Input.TextArea rows={2} maxLength={200} />
              </Form.Item>
            </Form>
          </>
        )}
      </div>
      {prompt}
    </Modal>
  );
}
