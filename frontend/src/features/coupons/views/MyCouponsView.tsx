// 我的优惠券: the signed-in customer's coupons, filtered by kind and status.
import { useState } from 'react';
import { Alert, Card, Flex, Select, Space, Typography } from 'antd';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { CouponKind, CouponStatus } from '../../../gql/graphql';
import { MyCouponsQuery } from '../queries';
import { useViewer } from '../../auth/viewer';
import { NoAccess } from '../../../shared/components/NoAccess';
import { errorMessage } from '../../../shared/graphql/errors';
import { MyCouponsTable } from '../components/MyCouponsTable';

const KINDS: readonly CouponKind[] = ['VOUCHER', 'CASH', 'PICKUP'];
const STATUSES: readonly CouponStatus[] = ['USABLE', 'USED_UP', 'EXPIRED', 'RECLAIMED'];

export function MyCouponsView() {
  const viewer = useViewer();
  if (viewer.role !== 'CUSTOMER') return <NoAccess />;
  return <MyCoupons />;
}

function MyCoupons() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CouponKind>();
  const [status, setStatus] = useState<CouponStatus>();
  const [{ data, fetching, error }] = useQuery({ query: MyCouponsQuery, variables: { kind: kind ?? null, status: status ?? null }, requestPolicy: 'cache-and-network' });
  return (
    <Card>
      <Flex vertical gap={16}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('coupons.my.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('coupons.my.intro')}</Typography.Text>
        </div>
        <Space wrap>
          <Typography.Text>{t('coupons.filters.kind')}</Typography.Text>
          <Select allowClear style={{ width: 130 }} placeholder={t('coupons.common.all')} value={kind} onChange={setKind} options={KINDS.map((k) => ({ value: k, label: t(`coupons.kind.${k}`) }))} />
          <Typography.Text>{t('coupons.filters.status')}</Typography.Text>
          <Select
            allowClear
            style={{ width: 130 }}
            placeholder={t('coupons.common.all')}
            value={status}
            onChange={setStatus}
            options={STATUSES.map((s) => ({ value: s, label: t(`coupons.status.${s}`) }))}
          />
        </Space>
        {error && <Alert type="error" showIcon title={t('coupons.common.loadFailed', { message: errorMessage(error, t('errors.network')) })} />}
        <MyCouponsTable rows={data?.myCoupons ?? []} loading={fetching && !data} />
      </Flex>
    </Card>
  );
}
