// A select of the quotas the viewer sees (its own; a distributor's also its resellers'), named by
// kind, value, holder and end of validity; for the list filters.
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import dayjs from 'dayjs';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CouponQuotasQuery } from '../queries';
import { formatMoney } from '../../../shared/money/money';

interface Props {
  value?: string;
  onChange?: (v: string | undefined) => void;
  style?: CSSProperties;
  testId?: string;
}

export function QuotaPicker({ value, onChange, style, testId }: Props) {
  const { t } = useTranslation();
  const [{ data, fetching }] = useQuery({ query: CouponQuotasQuery, variables: { first: 100 } });
  const options = (data?.couponQuotas.edges ?? []).flatMap((e) =>
    e?.node
      ? [
          {
            value: e.node.id,
            label: `${t(`coupons.kind.${e.node.kind}`)} ${formatMoney(e.node.value, { symbol: true })} · ${e.node.partnerName} · ${dayjs(e.node.validUntil).format('YYYY-MM-DD')}`,
          },
        ]
      : [],
  );
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={fetching}
      options={options}
      placeholder={t('coupons.common.all')}
      style={style}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
