// The customer table: one page of rows; paging and sorting are the parent's (server-side).
import type { HTMLAttributes } from 'react';
import { Table, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomersQuery, OrderDirection } from '../../../gql/graphql';
import { AssociationTypeTag } from './AssociationTypeTag';

/** One customer as the list query returns it. */
export type CustomerRow = NonNullable<NonNullable<NonNullable<CustomersQuery['customers']['edges']>[number]>['node']>;

export const PAGE_SIZES = [10, 20, 50, 100] as const;

interface Props {
  rows: CustomerRow[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  direction: OrderDirection;
  onChange: (change: { page: number; pageSize: number; direction: OrderDirection }) => void;
}

const dash = (v: string | null | undefined) => (v ? v : '-');

export function CustomersTable({ rows, loading, page, pageSize, total, direction, onChange }: Props) {
  const { t } = useTranslation();

  const columns: ColumnsType<CustomerRow> = [
    { key: 'accountName', title: t('customers.columns.accountName'), dataIndex: 'accountName', fixed: 'start', width: 160 },
    { key: 'name', title: t('customers.columns.name'), dataIndex: 'name', width: 180 },
    { key: 'mobile', title: t('customers.columns.mobile'), dataIndex: 'mobile', width: 150 },
    { key: 'email', title: t('customers.columns.email'), dataIndex: 'email', width: 200, ellipsis: true },
    {
      key: 'region',
      title: t('customers.columns.region'),
      width: 140,
      render: (_, c) => [c.provinceCode, c.cityCode].filter(Boolean).join(' / ') || '-',
    },
    {
      key: 'associationType',
      title: t('customers.columns.associationType'),
      width: 120,
      render: (_, c) => <AssociationTypeTag type={c.associationType} />,
    },
    { key: 'partner', title: t('customers.columns.partner'), width: 180, render: (_, c) => dash(c.partner?.name) },
    { key: 'manager', title: t('customers.columns.manager'), width: 130, render: (_, c) => dash(c.manager?.displayName) },
    { key: 'label', title: t('customers.columns.label'), dataIndex: 'label', width: 120, render: dash },
    {
      key: 'createdAt',
      title: t('customers.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      sorter: true,
      sortDirections: ['descend', 'ascend', 'descend'],
      sortOrder: direction === 'DESC' ? 'descend' : 'ascend',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
    },
  ];

  const handleChange: TableProps<CustomerRow>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const nextDirection: OrderDirection = s?.order === 'ascend' ? 'ASC' : 'DESC';
    const nextSize = pagination.pageSize ?? pageSize;
    const resetPage = nextSize !== pageSize || nextDirection !== direction;
    onChange({ page: resetPage ? 1 : (pagination.current ?? 1), pageSize: nextSize, direction: nextDirection });
  };

  return (
    <Table<CustomerRow>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 1550 }}
      onRow={() => ({ 'data-testid': 'customer-row' }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('customers.empty') }}
      onChange={handleChange}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: PAGE_SIZES.map(String),
        showTotal: (n) => (
          <Typography.Text data-testid="customers-total" data-total={n}>
            {t('customers.total', { count: n })}
          </Typography.Text>
        ),
      }}
    />
  );
}
