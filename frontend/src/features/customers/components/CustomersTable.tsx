// The customer table: one page of rows; paging and sorting are the parent's (server-side).
import { memo, type HTMLAttributes, type Key, type MouseEvent } from 'react';
import { Table, Typography } from 'antd';
import type { ColumnsType, TableProps } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CustomerRowFieldsFragment, OrderDirection } from '../../../gql/graphql';
import { Sensitive } from '../../../shared/components/Sensitive';
import { customerPath } from '../../../app/paths';
import { AssociationTypeTag } from './AssociationTypeTag';
import { Money } from '../../../shared/components/Money';
import { PAGE_SIZES } from '../../../shared/components/tablePagination';

/** One customer as the list query returns it. */
export type CustomerRow = CustomerRowFieldsFragment;

interface Props {
  rows: CustomerRow[];
  loading: boolean;
  page: number;
  pageSize: number;
  total: number;
  direction: OrderDirection;
  onChange: (change: { page: number; pageSize: number; direction: OrderDirection }) => void;
  /** Whether the viewer may reveal personal fields (eye buttons). */
  canReveal: boolean;
  /** Row selection for batch actions; none when undefined. */
  selectedIds?: string[];
  onSelect?: (ids: string[]) => void;
}

const dash = (v: string | null | undefined) => (v ? v : '-');

/** Memoized: the list page re-renders for reasons of its own (cursors, totals, managers). */
export const CustomersTable = memo(function CustomersTable({ rows, loading, page, pageSize, total, direction, onChange, canReveal, selectedIds, onSelect }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();

  const columns: ColumnsType<CustomerRow> = [
    {
      key: 'accountName',
      title: t('customers.columns.accountName'),
      fixed: 'start',
      width: 170,
      render: (_, c) => <Sensitive customerId={c.id} field="ACCOUNT_NAME" value={c.accountName} revealable={canReveal} />,
    },
    {
      key: 'name',
      title: t('customers.columns.name'),
      width: 170,
      render: (_, c) => (
        <Sensitive
          customerId={c.id}
          field="NAME"
          value={c.name}
          revealable={canReveal}
          render={(text) => (
            <Link to={customerPath(c.id)} data-testid="customer-link" onClick={(e) => e.stopPropagation()}>
              {text}
            </Link>
          )}
        />
      ),
    },
    {
      key: 'mobile',
      title: t('customers.columns.mobile'),
      width: 190,
      render: (_, c) => <Sensitive customerId={c.id} field="MOBILE" value={c.mobile} revealable={canReveal} />,
    },
    {
      key: 'email',
      title: t('customers.columns.email'),
      width: 230,
      render: (_, c) => <Sensitive customerId={c.id} field="EMAIL" value={c.email} revealable={canReveal} />,
    },
    {
      key: 'associationType',
      title: t('customers.columns.associationType'),
      width: 110,
      render: (_, c) => <AssociationTypeTag type={c.associationType} frozen={c.frozen} />,
    },
    {
      key: 'allocatedBalance',
      title: t('customers.columns.allocatedBalance'),
      width: 130,
      align: 'right',
      render: (_, c) => <Money value={c.allocatedBalance} />,
    },
    {
      key: 'ownBalance',
      title: t('customers.columns.ownBalance'),
      width: 120,
      align: 'right',
      render: (_, c) => <Money value={c.ownBalance} />,
    },
    { key: 'manager', title: t('customers.columns.manager'), width: 140, render: (_, c) => dash(c.manager?.displayName) },
    { key: 'label', title: t('customers.columns.label'), dataIndex: 'label', width: 110, render: dash },
    {
      key: 'region',
      title: t('customers.columns.region'),
      width: 120,
      render: (_, c) => [c.provinceCode, c.cityCode].filter(Boolean).join(' / ') || '-',
    },
    { key: 'partner', title: t('customers.columns.partner'), width: 160, render: (_, c) => dash(c.partner?.name) },
    {
      key: 'associatedAt',
      title: t('customers.columns.associatedAt'),
      dataIndex: 'associatedAt',
      width: 150,
      render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '-'),
    },
    {
      key: 'createdAt',
      title: t('customers.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
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
      scroll={{ x: 1900 }}
      rowSelection={
        onSelect
          ? {
              selectedRowKeys: selectedIds,
              preserveSelectedRowKeys: true,
              fixed: true,
              onChange: (keys: Key[]) => onSelect(keys.map(String)),
            }
          : undefined
      }
      onRow={(c) =>
        ({
          'data-testid': 'customer-row',
          'data-id': c.id,
          style: { cursor: 'pointer' },
          onClick: (e: MouseEvent) => {
            // Clicks on the checkbox column select; anywhere else opens the detail.
            if ((e.target as HTMLElement).closest('.ant-table-selection-column')) return;
            navigate(customerPath(c.id));
          },
        }) as HTMLAttributes<HTMLElement>
      }
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
});
