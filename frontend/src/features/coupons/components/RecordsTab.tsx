// 发放回收记录: every coupon and quota operation, filtered by type, quota, coupon, customer and time.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Button, DatePicker, Flex, Form, Input, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CouponRecordType, CouponRecordsQuery } from '../../../gql/graphql';
import { CouponRecordsQuery as CouponRecordsDocument } from '../queries';
import { recordWhere, type RecordFilters } from '../filters';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { tablePagination } from '../../../shared/components/tablePagination';
import { errorMessage } from '../../../shared/graphql/errors';
import { Money } from '../../../shared/components/Money';
import { CustomerPicker } from './CustomerPicker';
import { QuotaPicker } from './QuotaPicker';
import { useReload } from '../useReload';

type Row = NonNullable<NonNullable<NonNullable<CouponRecordsQuery['couponRecords']['edges']>[number]>['node']>;

export const RECORD_TYPES: readonly CouponRecordType[] = [
  'ISSUED',
  'RECLAIMED_BY_HAND',
  'RECLAIMED_ON_DISASSOCIATION',
  'RECLAIMED_ON_EXPIRY',
  'RECLAIMED_ON_UNSUBSCRIBE',
  'REVOKED_ON_RECHARGE_REFUND',
  'RECLAIMED_ON_ASSOCIATION',
  'RECLAIMED_ON_TYPE_SWITCH',
  'RECLAIMED_ON_TRANSFER_TO_RESELLER',
  'QUOTA_GRANTED',
  'QUOTA_ISSUED_TO_RESELLER',
  'QUOTA_RECLAIMED_FROM_RESELLER',
  'QUOTA_ADJUSTED',
];

interface FormValues {
  type?: CouponRecordType;
  quotaID?: string;
  couponID?: string;
  customerID?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const day = (d: Dayjs | null | undefined) => d?.format('YYYY-MM-DD');
const shortId = (id: string | null | undefined) =>
  id ? (
    <Typography.Text type="secondary" copyable={{ text: id }} ellipsis style={{ maxWidth: 130 }}>
      {id}
    </Typography.Text>
  ) : (
    '-'
  );

export function RecordsTab({ reloadKey }: { reloadKey?: number }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<RecordFilters>({});
  const variables = useMemo(() => ({ where: recordWhere(filters) }), [filters]);
  const list = usePagedConnection({ query: CouponRecordsDocument, variables, select: (d) => d.couponRecords, requestPolicy: 'cache-and-network' });
  useReload(reloadKey, list.refresh);
  const [form] = Form.useForm<FormValues>();

  function search(v: FormValues) {
    setFilters({ type: v.type, quotaID: v.quotaID, couponID: v.couponID, customerID: v.customerID, from: day(v.range?.[0]), to: day(v.range?.[1]) });
    list.setPage(1);
  }

  const columns: ColumnsType<Row> = [
    { key: 'time', title: t('coupons.columns.time'), width: 160, render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm:ss') },
    {
      key: 'type',
      title: t('coupons.columns.type'),
      width: 170,
      render: (_, r) => (
        <span data-testid="record-type" data-type={r.type}>
          {t(`coupons.recordType.${r.type}`)}
        </span>
      ),
    },
    {
      key: 'amount',
      title: t('coupons.columns.amount'),
      width: 130,
      align: 'right',
      render: (_, r) => (
        <span data-testid="record-amount">
          <Money value={r.amount} />
        </span>
      ),
    },
    { key: 'customer', title: t('coupons.columns.customer'), width: 160, render: (_, r) => r.customerName ?? '-' },
    { key: 'quota', title: t('coupons.columns.quota'), width: 150, render: (_, r) => shortId(r.quotaID) },
    { key: 'coupon', title: t('coupons.columns.coupon'), width: 150, render: (_, r) => shortId(r.couponID) },
    { key: 'operator', title: t('coupons.columns.operator'), width: 140, render: (_, r) => r.operatorName ?? '-' },
    { key: 'reason', title: t('coupons.columns.reason'), width: 200, render: (_, r) => r.reason ?? '-' },
  ];

  return (
    <Flex vertical gap={16}>
      <Form<FormValues> form={form} layout="inline" onFinish={search} style={{ rowGap: 12 }}>
        <Form.Item label={t('coupons.filters.type')} name="type">
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('coupons.common.all')}
            options={RECORD_TYPES.map((ty) => ({ value: ty, label: t(`coupons.recordType.${ty}`) }))}
            data-testid="record-filter-type"
          />
        </Form.Item>
        <Form.Item label={t('coupons.filters.quota')} name="quotaID">
          <QuotaPicker style={{ width: 220 }} testId="record-filter-quota" />
        </Form.Item>
        <Form.Item label={t('coupons.filters.couponID')} name="couponID">
          <Input allowClear style={{ width: 160 }} data-testid="record-filter-coupon" />
        </Form.Item>
        <Form.Item label={t('coupons.filters.customer')} name="customerID">
          <CustomerPicker style={{ width: 200 }} placeholder={t('coupons.filters.customerPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('coupons.filters.time')} name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" data-testid="record-filter-search">
              {t('coupons.common.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                search({});
              }}
            >
              {t('coupons.common.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error && <Alert type="error" showIcon title={t('coupons.common.loadFailed', { message: errorMessage(list.error, t('errors.network')) })} />}
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.rows}
        loading={list.loading}
        scroll={{ x: 1300 }}
        onRow={(r) => ({ 'data-testid': 'record-row', 'data-type': r.type, 'data-coupon': r.couponID ?? '' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('coupons.page.emptyRecords') }}
        pagination={tablePagination(list, { showTotal: (n) => t('coupons.common.total', { count: n }) })}
      />
    </Flex>
  );
}
