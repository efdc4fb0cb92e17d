// The customer's own coupons (Query.myCoupons): kind, face value, balance, validity, status,
// limits, issuer. There is no remark column: the customer never gets one.
import type { HTMLAttributes } from 'react';
import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { MyCouponsQuery } from '../../../gql/graphql';
import { Money } from '../../../shared/components/Money';
import { validity } from '../filters';
import { CouponStatusTag, KindTag, LimitsCell } from './CouponTags';

export type MyCoupon = MyCouponsQuery['myCoupons'][number];

export function MyCouponsTable({ rows, loading, pageSize = 10 }: { rows: readonly MyCoupon[]; loading: boolean; pageSize?: number }) {
  const { t } = useTranslation();
  const columns: ColumnsType<MyCoupon> = [
    { key: 'kind', title: t('coupons.columns.kind'), width: 100, render: (_, c) => <KindTag kind={c.kind} /> },
    { key: 'faceValue', title: t('coupons.columns.faceValue'), width: 130, align: 'right', render: (_, c) => <Money value={c.faceValue} /> },
    {
      key: 'balance',
      title: t('coupons.columns.balance'),
      width: 130,
      align: 'right',
      render: (_, c) => (
        <span data-testid="my-coupon-balance">
          <Money value={c.balance} />
        </span>
      ),
    },
    { key: 'validity', title: t('coupons.columns.validity'), width: 200, render: (_, c) => validity(c.validFrom, c.validUntil) },
    { key: 'status', title: t('coupons.columns.status'), width: 100, render: (_, c) => <CouponStatusTag status={c.status} /> },
    { key: 'limits', title: t('coupons.columns.limits'), width: 220, render: (_, c) => <LimitsCell limits={c.limits} /> },
    { key: 'issuer', title: t('coupons.my.issuer'), width: 160, render: (_, c) => c.issuerName },
  ];
  return (
    <Table<MyCoupon>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...rows]}
      loading={loading}
      scroll={{ x: 1040 }}
      onRow={(c) => ({ 'data-testid': 'my-coupon-row', 'data-id': c.id, 'data-status': c.status, 'data-face': c.faceValue }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('coupons.my.empty') }}
      pagination={rows.length > pageSize ? { pageSize } : false}
    />
  );
}
