// Tags for kinds and statuses, and the limits of a quota or coupon in one cell.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CouponKind, CouponLimitFieldsFragment, CouponQuotaStatus, CouponStatus } from '../../../gql/graphql';
import { sortedLimits } from '../limits';
import { formatMoney } from '../../../shared/money/money';

const KIND_COLORS: Record<CouponKind, string> = { VOUCHER: 'blue', CASH: 'gold', PICKUP: 'purple' };
const QUOTA_COLORS: Record<CouponQuotaStatus, string> = { NORMAL: 'success', FROZEN: 'warning', ADJUSTING: 'processing', INVALID: 'default', RECLAIMED: 'default' };
const COUPON_COLORS: Record<CouponStatus, string> = { USABLE: 'success', USED_UP: 'default', EXPIRED: 'default', RECLAIMED: 'warning' };

export function KindTag({ kind }: { kind: CouponKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLORS[kind]}>{t(`coupons.kind.${kind}`)}</Tag>;
}

export function QuotaStatusTag({ status }: { status: CouponQuotaStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={QUOTA_COLORS[status]} data-testid="quota-status" data-status={status}>
      {t(`coupons.quotaStatus.${status}`)}
    </Tag>
  );
}

export function CouponStatusTag({ status }: { status: CouponStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COUPON_COLORS[status]} data-testid="coupon-status" data-status={status}>
      {t(`coupons.status.${status}`)}
    </Tag>
  );
}

/** One limit as a short text, e.g. "最小可用订单额: ¥100.00". */
export function LimitText({ limit }: { limit: Pick<CouponLimitFieldsFragment, 'limitKey' | 'value'> }) {
  const { t } = useTranslation();
  const value =
    limit.limitKey === 'MIN_ORDER_AMOUNT'
      ? formatMoney(limit.value, { symbol: true })
      : limit.limitKey === 'MAX_ORDER_SHARE'
        ? `${limit.value}%`
        : limit.limitKey === 'NO_BUSINESS_DISCOUNT'
          ? '✓'
          : limit.value;
  return (
    <span>
      {t(`coupons.limitKey.${limit.limitKey}`)}: {value}
    </span>
  );
}

export function LimitsCell({ limits }: { limits: readonly CouponLimitFieldsFragment[] | null | undefined }) {
  const { t } = useTranslation();
  const sorted = sortedLimits(limits);
  if (!sorted.length) return <Typography.Text type="secondary">{t('coupons.limits.none')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0} data-testid="limits">
      {sorted.map((l) => (
        <Typography.Text key={l.id} style={{ fontSize: 12 }}>
          <LimitText limit={l} />
        </Typography.Text>
      ))}
    </Space>
  );
}
