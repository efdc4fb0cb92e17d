// The latest operation records of one quota (CouponQuota.records), loaded when its row is expanded.
import { Alert, Table } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CouponQuotaRecordsQuery } from '../queries';
import { Money } from '../../../shared/components/Money';
import { errorMessage } from '../../../shared/graphql/errors';

export function QuotaRecords({ quotaID }: { quotaID: string }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: CouponQuotaRecordsQuery, variables: { id: quotaID }, requestPolicy: 'cache-and-network' });
  const records = data?.node?.__typename === 'CouponQuota' ? data.node.records : [];
  if (error) return <Alert type="error" showIcon title={t('coupons.common.loadFailed', { message: errorMessage(error, t('errors.network')) })} />;
  return (
    <Table
      rowKey="id"
      size="small"
      loading={fetching && !data}
      dataSource={records}
      pagination={false}
      data-testid="quota-records"
      locale={{ emptyText: t('coupons.page.emptyRecords') }}
      columns={[
        { key: 'time', title: t('coupons.columns.time'), width: 170, render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm:ss') },
        { key: 'type', title: t('coupons.columns.type'), width: 170, render: (_, r) => t(`coupons.recordType.${r.type}`) },
        { key: 'amount', title: t('coupons.columns.amount'), width: 130, align: 'right', render: (_, r) => <Money value={r.amount} /> },
        { key: 'customer', title: t('coupons.columns.customer'), width: 140, render: (_, r) => r.customerName ?? '-' },
        { key: 'operator', title: t('coupons.columns.operator'), width: 140, render: (_, r) => r.operatorName ?? '-' },
        { key: 'reason', title: t('coupons.columns.reason'), render: (_, r) => r.reason ?? '-' },
      ]}
    />
  );
}
