// 回收代金券额度: a distributor takes back a reseller quota's whole remaining balance; the answer
// shows the amount actually reclaimed.
import { useState } from 'react';
import { Alert, Form, Input, Modal, Result } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ReclaimResellerQuotaMutation } from '../queries';
import { useVerifiedMutation } from '../../../shared/graphql/stepUp';
import { newIdempotencyKey } from '../../../shared/graphql/verification';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';
import { formatMoney } from '../../../shared/money/money';
import type { QuotaRow } from './QuotaTable';

const QUOTA_TYPES = { additionalTypenames: ['CouponQuota', 'CouponRecord'] };

export function ReclaimQuotaDialog({ quota, onClose, onDone }: { quota: QuotaRow; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [key, setKey] = useState(newIdempotencyKey);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [reclaimed, setReclaimed] = useState<string>();
  const { run, fetching, prompt } = useVerifiedMutation(ReclaimResellerQuotaMutation);

  async function submit() {
    setError(undefined);
    const { result, cancelled } = await run(
      (verificationCode) => ({ idempotencyKey: key, input: { quotaID: quota.id, reason: reason.trim() || null, verificationCode: verificationCode ?? null } }),
      QUOTA_TYPES,
    );
    if (cancelled) return setError(t('coupons.common.verificationCancelled'));
    if (result.error || !result.data) return setError(result.error ? describeError(result.error, t) : t('errors.generic'));
    const p = result.data.reclaimResellerQuota;
    if (p.userErrors.length || p.reclaimed == null) return setError(p.userErrors.map((e) => describeRefusal(e, t)).join('; ') || t('errors.generic'));
    setReclaimed(p.reclaimed);
    onDone();
  }

  return (
    <Modal
      open
      title={t('coupons.resellerQuotas.reclaimTitle', { name: quota.partnerName })}
      onCancel={onClose}
      onOk={() => (reclaimed ? onClose() : void submit())}
      okText={reclaimed ? t('common.close') : t('common.confirm')}
      okButtonProps={{ 'data-testid': 'quota-reclaim-submit', danger: !reclaimed } as ButtonProps}
      cancelButtonProps={{ style: reclaimed ? { display: 'none' } : undefined }}
      confirmLoading={fetching}
      destroyOnHidden
    >
      <div data-testid="quota-reclaim-dialog">
        {reclaimed ? (
          <Result
            status="success"
            title={<span data-testid="quota-reclaimed" data-amount={reclaimed}>{t('coupons.resellerQuotas.reclaimed', { amount: formatMoney(reclaimed, { symbol: true }) })}</span>}
          />
        ) : (
          <>
            <Alert type="warning" showIcon title={t('coupons.resellerQuotas.reclaimHint', { balance: formatMoney(quota.balance, { symbol: true }) })} style={{ marginBottom: 12 }} />
            <Form layout="vertical">
              <Form.Item label={t('common.reason')}>
                <Input.TextArea
                  rows={2}
                  maxLength={200}
                  value={reason}
                  onChange={(e) => {
                    setReason(e.target.value);
                    setKey(newIdempotencyKey());
                  }}
                />
              </Form.Item>
            </Form>
            {error && <Alert type="error" showIcon title={error} data-testid="quota-reclaim-error" />}
          </>
        )}
      </div>
      {prompt}
    </Modal>
  );
}
