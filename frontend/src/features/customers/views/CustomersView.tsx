// Customer list: owns filters, order, page state and the server round trips.
import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { CustomerCursorsQuery, CustomersQuery, OrderDirection } from '../../../gql/graphql';
import { CustomerCursorsQuery as CustomerCursorsDocument, CustomerManagersQuery, CustomersQuery as CustomersDocument } from '../queries';
import { CustomerFilterBar } from '../components/CustomerFilterBar';
import { AssignManagerModal, BatchAllocateModal } from '../components/BatchActions';
import { useViewer } from '../../auth/viewer';
import { CUSTOMER_NEW_PATH } from '../../../app/paths';
import { customerPermissions } from '../permissions';
import { CustomersTable, type CustomerRow } from '../components/CustomersTable';
import { toWhere, type CustomerFilters } from '../filters';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { errorMessage } from '../../../shared/graphql/errors';

interface ListOrder {
  filters: CustomerFilters;
  direction: OrderDirection;
}

const selectCustomers = (d: CustomersQuery) => d.customers;
const CURSORS = { query: CustomerCursorsDocument, select: (d: CustomerCursorsQuery) => d.customers };

export function CustomersView() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const viewer = useViewer();
  const can = customerPermissions(viewer.role);
  const [selected, setSelected] = useState<string[]>([]);
  const [batch, setBatch] = useState<'assign' | 'allocate' | null>(null);
  const [{ data: managersData, fetching: managersLoading }] = useQuery({ query: CustomerManagersQuery, pause: !can.filterByManager });
  const managers = useMemo(
    () => (managersData?.users.edges ?? []).flatMap((e) => (e?.node ? [{ value: e.node.id, label: e.node.displayName }] : [])),
    [managersData],
  );
  // Masked account names of rows seen, to name rows in batch results.
  const [names] = useState(() => new Map<string, string>());
  const [order, setOrder] = useState<ListOrder>({ filters: {}, direction: 'DESC' });
  // A new filter or order is a new list: the hook starts it on page 1 with no cursors known.
  const variables = useMemo(
    () => ({ where: toWhere(order.filters), orderBy: [{ field: 'CREATED_AT' as const, direction: order.direction }] }),
    [order],
  );
  const list = usePagedConnection({ query: CustomersDocument, variables, select: selectCustomers, cursors: CURSORS });

  // The table and the filter bar are memoized: the renders that only record cursors and totals
  // (or bring the managers) leave them alone (the hook keeps rows and setPage while they hold).
  const rows: CustomerRow[] = list.rows;
  for (const r of rows) names.set(r.id, `${r.accountName} (${r.name})`);
  const shownError = list.error ? errorMessage(list.error, t('errors.network')) : undefined;
  const { setPage } = list;
  const onSearch = useCallback(
    (filters: CustomerFilters) => {
      setOrder((o) => ({ ...o, filters }));
      setPage(1);
    },
    [setPage],
  );
  const onTableChange = useCallback(
    (c: { page: number; pageSize: number; direction: OrderDirection }) => {
      setOrder((o) => (o.direction === c.direction ? o : { ...o, direction: c.direction }));
      setPage(c.page, c.pageSize);
    },
    [setPage],
  );

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('customers.title')}
          </Typography.Title>
          {can.create && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(CUSTOMER_NEW_PATH)} data-testid="customer-create">
              {t('customers.create.button')}
            </Button>
          )}
        </Flex>
        <CustomerFilterBar
          value={order.filters}
          canSearch={can.search}
          managers={can.filterByManager ? managers : undefined}
          managersLoading={managersLoading}
          onSearch={onSearch}
        />
        {shownError && <Alert type="error" showIcon title={shownError} />}
        {(can.assignManager || can.allocate) && (
          <Space wrap data-testid="batch-bar">
            <Typography.Text type="secondary">{t('customers.batch.selected', { count: selected.length })}</Typography.Text>
            {can.assignManager && (
              <Button disabled={!selected.length} onClick={() => setBatch('assign')} data-testid="batch-assign">
                {t('customers.batch.assign')}
              </Button>
            )}
            {can.allocate && (
              <Button disabled={!selected.length} onClick={() => setBatch('allocate')} data-testid="batch-allocate">
                {t('customers.batch.allocate')}
              </Button>
            )}
            {selected.length > 0 && (
              <Button type="link" onClick={() => setSelected([])}>
                {t('customers.batch.clear')}
              </Button>
            )}
          </Space>
        )}
        <CustomersTable
          rows={rows}
          loading={list.loading}
          page={list.page}
          pageSize={list.pageSize}
          total={list.total}
          direction={order.direction}
          canReveal={can.reveal}
          selectedIds={can.assignManager || can.allocate ? selected : undefined}
          onSelect={can.assignManager || can.allocate ? setSelected : undefined}
          onChange={onTableChange}
        />
      </Flex>
      <AssignManagerModal
        open={batch === 'assign'}
        customerIds={selected}
        nameOf={(id) => names.get(id)}
        managers={managers}
        onClose={() => setBatch(null)}
        onDone={list.refresh}
      />
      <BatchAllocateModal
        open={batch === 'allocate'}
        customerIds={selected}
        nameOf={(id) => names.get(id)}
        onClose={() => setBatch(null)}
        onDone={list.refresh}
      />
    </Card>
  );
}
