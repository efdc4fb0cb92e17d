// 回收券: confirm the coupons to reclaim (usable ones only: each's whole balance, all or nothing),
// then show the amount actually reclaimed per coupon and the total.
import { useState, type HTMLAttributes } from 'react';
import { Alert, Form, Input, Modal, Table, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReclaimCouponsMutation } from '../queries';
import { useVerifiedMutation } from '../../../shared/graphql/stepUp';
import { newIdempotencyKey } from '../../../shared/graphql/verification';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';
import { BatchResultTable, type BatchRow } from '../../../shared/components/BatchResultTable';
import { Money } from '../../../shared/components/Money';
import { formatMoney } from '../../../shared/money/money';
import { customerLabel } from '../customerLabel';
import type { CouponRowFieldsFragment } from '../../../gql/graphql';
import { KindTag } from './CouponTags';

const COUPON_TYPES = { additionalTypenames: ['Coupon', 'CouponQuota', 'CouponRecord'] };

interface Props {
  coupons: CouponRowFieldsFragment[];
  onClose: () => void;
  onDone: () => void;
}

interface Reclaimed {
  rows: { id: string; amount: string }[];
  total: string;
}

/** Mount it to open it: one idempotency key per opening. */
export function ReclaimCouponsDialog({ coupons, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [key, setKey] = useState(newIdempotencyKey);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [refusal, setRefusal] = useState<{ message: string; rows: BatchRow[] }>();
  const [done, setDone] = useState<Reclaimed>();
  const { run, fetching, prompt } = useVerifiedMutation(ReclaimCouponsMutation);
  const notUsable = coupons.filter((c) => c.status !== 'USABLE');
  const byId = new Map(coupons.map((c) => [c.id, c]));
  const nameOf = (id: string) => {
    const c = byId.get(id);
    return c ? `${customerLabel(c.customer)} · ${formatMoney(c.balance, { symbol: true })}` : undefined;
  };

  async function submit() {
    setError(undefined);
    setRefusal(undefined);
    const { result, cancelled } = await run(
      (verificationCode) => ({
        idempotencyKey: key,
        input: { couponIDs: coupons.map((c) => c.id), reason: reason.trim() || null, verificationCode: verificationCode ?? null },
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
    const p = result.data.reclaimCoupons;
    if (p.userErrors.length || p.results.some((r) => !r.ok) || p.reclaims.length === 0) {
      setRefusal({ message: p.userErrors.map((e) => describeRefusal(e, t)).join('; ') || t('coupons.reclaim.refused'), rows: p.results });
      return;
    }
    setDone({ rows: p.reclaims.map((r) => ({ id: r.coupon.id, amount: r.amount })), total: p.total });
    onDone();
  }

  return (
    <Modal
      open
      title={done ? t('coupons.reclaim.doneTitle') : t('coupons.reclaim.title', { count: coupons.length })}
      onCancel={onClose}
      onOk={() => (done ? onClose() : void submit())}
      okText={done ? t('common.close') : t('common.confirm')}
      okButtonProps={{ 'data-testid': 'reclaim-submit', disabled: !done && notUsable.length > 0, danger: !done } as ButtonProps}
      cancelButtonProps={{ style: done ? { display: 'none' } : undefined }}
      confirmLoading={fetching}
      width={640}
      destroyOnHidden
    >
      <div data-testid="reclaim-dialog">
        {done ? (
          <>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={done.rows}
              data-testid="reclaim-results"
              onRow={(r) => ({ 'data-testid': 'reclaim-result', 'data-id': r.id }) as HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'coupon', title: t('coupons.columns.customer'), render: (_, r) => (byId.get(r.id) ? customerLabel(byId.get(r.id)!.customer) : r.id) },
                { key: 'face', title: t('coupons.columns.faceValue'), align: 'right', render: (_, r) => <Money value={byId.get(r.id)?.faceValue} /> },
                {
                  key: 'amount',
                  title: t('coupons.reclaim.actual'),
                  align: 'right',
                  render: (_, r) => (
                    <span data-testid="reclaim-amount">
                      <Money value={r.amount} />
                    </span>
                  ),
                },
              ]}
            />
            <Typography.Paragraph strong style={{ marginTop: 12, textAlign: 'right' }} data-testid="reclaim-total" data-total={done.total}>
              {t('coupons.reclaim.total', { total: formatMoney(done.total, { symbol: true }) })}
            </Typography.Paragraph>
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('coupons.reclaim.hint')}</Typography.Paragraph>
            {notUsable.length > 0 && <Alert type="warning" showIcon title={t('coupons.reclaim.notUsable')} style={{ marginBottom: 12 }} />}
            <Table
              rowKey="id"
              size="small"
              pagination={coupons.length > 10 ? { pageSize: 10 } : false}
              dataSource={coupons}
              columns={[
                { key: 'customer', title: t('coupons.columns.customer'), render: (_, c) => customerLabel(c.customer) },
                { key: 'kind', title: t('coupons.columns.kind'), render: (_, c) => <KindTag kind={c.kind} /> },
                { key: 'face', title: t('coupons.columns.faceValue'), align: 'right', render: (_, c) => <Money value={c.faceValue} /> },
                { key: 'balance', title: t('coupons.columns.balance'), align: 'right', render: (_, c) => <Money value={c.balance} /> },
              ]}
            />
            <Form layout="vertical" style={{ marginTop: 12 }}>
              <Form.Item label={t('coupons.reclaim.reason')}>
                <Input.TextArea rows={2} maxLength={200} value={reason} onChange={(e) => {
                    setReason(e.target.value);
                    setKey(newIdempotencyKey()); // another reason is another action
                  }} data-testid="reclaim-reason" />
              </Form.Item>
            </Form>
            {error && <Alert type="error" showIcon title={error} data-testid="reclaim-error" />}
            {refusal && (
              <>
                <Alert type="error" showIcon title={t('coupons.reclaim.refused')} description={refusal.message} data-testid="reclaim-error" style={{ marginBottom: 12 }} />
                {refusal.rows.length > 0 && <BatchResultTable results={refusal.rows} nameOf={nameOf} />}
              </>
            )}
          </>
        )}
      </div>
      {prompt}
    </Modal>
  );
}
