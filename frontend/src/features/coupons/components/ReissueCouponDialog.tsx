// 重新发放: a reclaimed coupon issued again, to a customer of the partner's choice, or, for a
// designated cash coupon, only to its customer. One idempotency key per opening (renewed when the
// customer changes); step-up verification when required.
import { useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CouponRowFieldsFragment } from '../../../gql/graphql';
import { ReissueCouponMutation } from '../queries';
import { useVerifiedMutation } from '../../../shared/graphql/stepUp';
import { newIdempotencyKey } from '../../../shared/graphql/verification';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';
import { formatMoney } from '../../../shared/money/money';
import { customerLabel } from '../customerLabel';
import { CustomerPicker } from './CustomerPicker';

const COUPON_TYPES = { additionalTypenames: ['Coupon', 'CouponQuota', 'CouponRecord'] };

export function ReissueCouponDialog({ coupon, onClose, onDone }: { coupon: CouponRowFieldsFragment; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const designated = coupon.designatedCustomerID;
  const [customerID, setCustomerID] = useState<string | undefined>(designated ?? coupon.customerID);
  const [key, setKey] = useState(newIdempotencyKey);
  const [error, setError] = useState<string>();
  const { run, fetching, prompt } = useVerifiedMutation(ReissueCouponMutation);

  async function submit() {
    if (!customerID) return;
    setError(undefined);
    const { result, cancelled } = await run(
      (verificationCode) => ({ idempotencyKey: key, input: { couponID: coupon.id, customerID, verificationCode: verificationCode ?? null } }),
      COUPON_TYPES,
    );
    if (cancelled) return setError(t('coupons.common.verificationCancelled'));
    if (result.error || !result.data) return setError(result.error ? describeError(result.error, t) : t('errors.generic'));
    const p = result.data.reissueCoupon;
    if (p.userErrors.length || !p.coupon) return setError(p.userErrors.map((e) => describeRefusal(e, t)).join('; ') || t('errors.generic'));
    void message.success(t('coupons.reissue.done'));
    onDone();
    onClose();
  }

  return (
    <Modal
      open
      title={t('coupons.reissue.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.confirm')}
      okButtonProps={{ 'data-testid': 'reissue-submit', disabled: !customerID } as ButtonProps}
      confirmLoading={fetching}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('coupons.reissue.hint')} {t('coupons.columns.faceValue')}: {formatMoney(coupon.faceValue, { symbol: true })}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('coupons.reissue.customer')} extra={designated ? t('coupons.reissue.designatedOnly') : undefined}>
          {designated ? (
            <Typography.Text>{customerLabel(coupon.customer)}</Typography.Text>
          ) : (
            <CustomerPicker
              value={customerID}
              onChange={(v) => {
                setCustomerID(typeof v === 'string' ? v : undefined);
                setKey(newIdempotencyKey());
              }}
              associationType={coupon.kind === 'VOUCHER' ? 'RESALE' : undefined}
              style={{ width: '100%' }}
              testId="reissue-customer"
            />
          )}
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} data-testid="reissue-error" />}
      {prompt}
    </Modal>
  );
}
