// 发放券: a quota (NORMAL only), up to 100 customers, the face value each gets, validity (the
// quota's by default, clamped inside it), limits, designated (cash coupons), remark. One
// idempotency key per dialog open, renewed when the form changes (a different action); step-up
// verification when the partner requires it; the answer per customer in a BatchResultTable.
import { useMemo, useState } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CouponQuotasQuery, CouponStepUpQuery, IssueCouponsMutation } from '../queries';
import { CustomerPicker } from './CustomerPicker';
import type { PartnerKind } from '../../../gql/graphql';
import { GOV_KINDS } from '../permissions';
import { useVerifiedMutation } from '../../../shared/graphql/stepUp';
import { newIdempotencyKey } from '../../../shared/graphql/verification';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';
import { AmountField } from '../../../shared/components/AmountField';
import { BatchResultTable, type BatchRow } from '../../../shared/components/BatchResultTable';
import { formatMoney, fromFen, toDecimal, toFen } from '../../../shared/money/money';
import { limitsInput, sortedLimits, type LimitRow } from '../limits';
import { LimitsEditor } from './LimitsEditor';
import { LimitText } from './CouponTags';
import { issueValidity } from '../rules';

import { MAX_BATCH } from '../rules';
const COUPON_TYPES = { additionalTypenames: ['Coupon', 'CouponQuota', 'CouponRecord'] };

interface Values {
  quotaID?: string;
  customerIDs?: string[];
  amount?: string;
  validity?: [Dayjs, Dayjs] | null;
  limits?: LimitRow[];
  designated?: boolean;
  remark?: string;
}

interface Props {
  /** The viewer's partner: only its own quotas issue. */
  partnerID: string;
  /** Government partners issue only to the customers on their whitelist: those are offered. */
  partnerKind?: PartnerKind | null;
  onClose: () => void;
  /** After coupons were issued, to reload the lists. */
  onDone: () => void;
}

/** Mount it to open it (a new mount is a new action with a new idempotency key). */
export function IssueCouponsDialog({ partnerID, partnerKind, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<string>();
  const [refusal, setRefusal] = useState<{ message: string; rows: BatchRow[] }>();
  const [results, setResults] = useState<BatchRow[]>();
  const { run, fetching, prompt } = useVerifiedMutation(IssueCouponsMutation);

  const [quotasAnswer] = useQuery({
    query: CouponQuotasQuery,
    variables: { first: 100, where: { status: 'NORMAL', partnerID } },
    requestPolicy: 'cache-and-network',
  });
  const quotas = useMemo(
    () => (quotasAnswer.data?.couponQuotas.edges ?? []).flatMap((e) => (e?.node && e.node.partnerID === partnerID ? [e.node] : [])),
    [quotasAnswer.data, partnerID],
  );
  const quotaID = Form.useWatch('quotaID', form);
  const quota = quotas.find((q) => q.id === quotaID);
  const whitelisted = !!partnerKind && GOV_KINDS.includes(partnerKind);
  // Everyone the picker named so far, to name the rows of the answer.
  const [known] = useState(() => new Map<string, string>());
  const chosen: string[] = Form.useWatch('customerIDs', form) ?? [];
  const amount = Form.useWatch('amount', form);
  const [stepUp] = useQuery({ query: CouponStepUpQuery });

  const eachFen = amount ? toFen(toDecimal(amount)) : null;
  const totalFen = eachFen !== null && chosen.length ? eachFen * BigInt(chosen.length) : null;
  const balanceFen = quota ? toFen(quota.balance) : null;

  async function submit(v: Values) {
    if (!quota) return;
    setError(undefined);
    setRefusal(undefined);
    const range = issueValidity(v.validity, quota);
    const { result, cancelled } = await run(
      (verificationCode) => ({
        idempotencyKey: key,
        input: {
          quotaID: quota.id,
          customerIDs: v.customerIDs ?? [],
          faceValue: toDecimal(v.amount ?? ''),
          ...range,
          limits: limitsInput(v.limits),
          designated: quota.kind === 'CASH' ? !!v.designated : null,
          remark: v.remark?.trim() || null,
          verificationCode: verificationCode ?? null,
        },
      }),
      COUPON_TYPES,
    );
    if (cancelled) {
      setError(t('coupons.common.verificationCancelled'));
      return;
    }
    if (result.error || !result.data) {
      setError(result.error ? describeError(result.error, t) : t('errors.generic'));
      return;
    }
    const p = result.data.issueCoupons;
    if (p.userErrors.length || p.failed > 0 || p.succeeded === 0) {
      setRefusal({ message: p.userErrors.map((e) => describeRefusal(e, t)).join('; ') || t('coupons.issue.refused'), rows: p.results });
      return;
    }
    void message.success(t('coupons.issue.done', { count: p.succeeded }));
    setResults(p.results);
    onDone();
  }

  const nameOf = (id: string) => known.get(id);
  return (
    <Modal
      open
      title={t('coupons.issue.title')}
      onCancel={onClose}
      onOk={() => (results ? onClose() : form.submit())}
      okText={results ? t('common.close') : t('common.confirm')}
      cancelButtonProps={{ style: results ? { display: 'none' } : undefined }}
      okButtonProps={{ 'data-testid': 'issue-submit', disabled: !results && quotas.length === 0 } as ButtonProps}
      confirmLoading={fetching}
      width={720}
      destroyOnHidden
    >
      <div data-testid="issue-dialog">
        {results ? (
          <>
            <Typography.Paragraph data-testid="issue-summary">
              {t('batch.summary', { succeeded: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length })}
            </Typography.Paragraph>
            <BatchResultTable results={results} nameOf={nameOf} />
          </>
        ) : (
          <>
            {!quotasAnswer.fetching && quotas.length === 0 && <Alert type="warning" showIcon title={t('coupons.issue.noQuota')} style={{ marginBottom: 12 }} />}
            {stepUp.data?.viewer?.partner?.requireStepUp && (
              <Alert type="info" showIcon title={t('coupons.common.stepUpHint')} style={{ marginBottom: 12 }} />
            )}
            {error && <Alert type="error" showIcon title={error} data-testid="issue-error" style={{ marginBottom: 12 }} />}
            {refusal && (
              <>
                <Alert type="error" showIcon title={t('coupons.issue.refused')} description={refusal.message} data-testid="issue-error" style={{ marginBottom: 12 }} />
                {refusal.rows.length > 0 && (
                  <div style={{ marginBottom: 16 }}>
                    <BatchResultTable results={refusal.rows} nameOf={nameOf} />
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
                  const q = quotas.find((x) => x.id === changed.quotaID);
                  form.setFieldsValue({
                    validity: q ? [dayjs(q.validFrom), dayjs(q.validUntil)] : null,
                    designated: false,
                  });
                }
              }}
            >
              <Form.Item name="quotaID" label={t('coupons.issue.quota')} rules={[{ required: true, message: t('coupons.issue.quotaRequired') }]}>
                <Select
                  loading={quotasAnswer.fetching}
                  data-testid="issue-quota"
                  options={quotas.map((q) => ({
                    value: q.id,
                    label: t('coupons.issue.quotaOption', {
                      kind: t(`coupons.kind.${q.kind}`),
                      balance: formatMoney(q.balance, { symbol: true }),
                      until: dayjs(q.validUntil).format('YYYY-MM-DD'),
                    }),
                  }))}
                />
              </Form.Item>
              {quota && sortedLimits(quota.limits).length > 0 && (
                <Typography.Paragraph type="secondary" style={{ marginTop: -12, fontSize: 12 }}>
                  {sortedLimits(quota.limits).map((l) => (
                    <span key={l.id} style={{ marginRight: 12 }}>
                      <LimitText limit={l} />
                    </span>
                  ))}
                </Typography.Paragraph>
              )}
              <Form.Item
                name="customerIDs"
                label={t('coupons.issue.customers')}
                extra={t('coupons.issue.customersHint')}
                rules={[
                  { required: true, message: t('coupons.issue.customersRequired') },
                  { type: 'array', max: MAX_BATCH, message: t('coupons.issue.customersTooMany', { max: MAX_BATCH }) },
                ]}
              >
                <CustomerPicker
                  multiple
                  disabled={!quota}
                  // vouchers go to resale customers; a government partner's coupons to its whitelist
                  associationType={quota?.kind === 'VOUCHER' && !whitelisted ? 'RESALE' : undefined}
                  whitelist={whitelisted}
                  labels={known}
                  testId="issue-customers"
                />
              </Form.Item>
              <AmountField label={t('coupons.issue.faceValue')} max={quota?.balance} testId="issue-face-value" />
              {totalFen !== null && balanceFen !== null && (
                <Alert
                  type={totalFen > balanceFen ? 'error' : 'info'}
                  showIcon
                  style={{ marginTop: -12, marginBottom: 16 }}
                  data-testid="issue-total"
                  title={
                    (totalFen > balanceFen ? `${t('coupons.issue.overBalance')}: ` : '') +
                    t('coupons.issue.total', {
                      total: formatMoney(fromFen(totalFen), { symbol: true }),
                      count: chosen.length,
                      balance: formatMoney(quota?.balance, { symbol: true }),
                    })
                  }
                />
              )}
              <Form.Item name="validity" label={t('coupons.issue.validity')} extra={t('coupons.issue.validityHint')}>
                <DatePicker.RangePicker
                  disabled={!quota}
                  disabledDate={(d) => !!quota && (d.isBefore(dayjs(quota.validFrom), 'day') || d.isAfter(dayjs(quota.validUntil), 'day'))}
                />
              </Form.Item>
              <LimitsEditor hint={t('coupons.limits.inheritHint')} />
              {quota?.kind === 'CASH' && (
                <Form.Item name="designated" valuePropName="checked" extra={t('coupons.issue.designatedHint')}>
                  <Checkbox data-testid="issue-designated">{t('coupons.issue.designated')}</Checkbox>
                </Form.Item>
              )}
              <Form.Item name="remark" label={t('coupons.issue.remark')} extra={t('coupons.issue.remarkHint')}>
                <Input.TextArea rows={2} maxLength={200} data-testid="issue-remark" />
              </Form.Item>
            </Form>
          </>
        )}
      </div>
      {prompt}
    </Modal>
  );
}
