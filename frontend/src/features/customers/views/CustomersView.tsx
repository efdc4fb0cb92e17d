// Customer list: owns filters, order, page state and the server round trips.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useClient, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';
import { CustomerCursorsQuery, CustomerManagersQuery, CustomersQuery } from '../queries';
import { CustomerFilterBar } from '../components/CustomerFilterBar';
import { AssignManagerModal, BatchAllocateModal } from '../components/BatchActions';
import { useViewer } from '../../auth/viewer';
import { CUSTOMER_NEW_PATH } from '../../../app/paths';
import { customerPermissions } from '../permissions';
import { CustomersTable, type CustomerRow } from '../components/CustomersTable';
import { filtersKey, toWhere, type CustomerFilters } from '../filters';
import { planPage, recordCursors, sameArgs, type CursorCache } from '../pagination';
import { errorMessage } from '../../../shared/graphql/errors';

interface ListState {
  filters: CustomerFilters;
  direction: OrderDirection;
  page: number;
  pageSize: number;
}

const EMPTY: CursorCache = new Map();

export function CustomersView() {
  const { t } = useTranslation();
  const client = useClient();
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
  const [list, setList] = useState<ListState>({ filters: {}, direction: 'DESC', page: 1, pageSize: 10 });
  // Cursors are only valid for one filter+order; the key says which.
  const scope = `${filtersKey(list.filters)}|${list.direction}`;
  const [cache, setCache] = useState<{ scope: string; cursors: CursorCache }>({ scope, cursors: EMPTY });
  const cursors = cache.scope === scope ? cache.cursors : EMPTY;
  const [total, setTotal] = useState<number>();
  const [skipError, setSkipError] = useState<string>();

  const where = useMemo(() => toWhere(list.filters), [list.filters]);
  const orderBy = useMemo(() => [{ field: 'CREATED_AT' as const, direction: list.direction }], [list.direction]);
  const plan = planPage(list.page, list.pageSize, cache.scope === scope ? total : undefined, cursors);

  const [{ data, fetching, error, operation }, refetch] = useQuery({
    query: CustomersQuery,
    variables: { ...plan.args, orderBy, where },
    pause: plan.kind !== 'page',
  });

  // Remember the cursors of the rows we got, for the next page jumps.
  useEffect(() => {
    const conn = data?.customers;
    if (!conn || plan.kind !== 'page' || !operation || !sameArgs(operation.variables, plan.args)) return;
    setTotal(conn.totalCount);
    const rowCursors = (conn.edges ?? []).flatMap((e) => (e ? [e.cursor] : []));
    setCache((c) => ({ scope, cursors: recordCursors(c.scope === scope ? c.cursors : EMPTY, plan.offset, rowCursors) }));
    // plan/scope are derived from the same render as data; re-run only on new results.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  // A page far from any known cursor: learn cursors up to it first.
  useEffect(() => {
    if (plan.kind !== 'skip') return;
    let cancelled = false;
    void client
      .query(CustomerCursorsQuery, { ...plan.args, orderBy, where })
      .toPromise()
      .then((result) => {
        if (cancelled) return;
        const conn = result.data?.customers;
        const rowCursors = (conn?.edges ?? []).flatMap((e) => (e ? [e.cursor] : []));
        if (result.error || !conn || rowCursors.length === 0) {
          if (result.error) setSkipError(errorMessage(result.error, t('errors.network')));
          setList((l) => ({ ...l, page: 1 }));
          return;
        }
        setTotal(conn.totalCount);
        setCache((c) => ({ scope, cursors: recordCursors(c.scope === scope ? c.cursors : EMPTY, plan.offset, rowCursors) }));
      });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan.kind, plan.offset, plan.args.first, plan.args.after, scope]);

  // The table and the filter bar are memoized: the renders that only record cursors and totals
  // (or bring the managers) leave them alone.
  const rows: CustomerRow[] = useMemo(() => (data?.customers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])), [data]);
  for (const r of rows) names.set(r.id, `${r.accountName} (${r.name})`);
  const shownTotal = data?.customers.totalCount ?? total ?? 0;
  const shownError = error ? errorMessage(error, t('errors.network')) : skipError;
  const onSearch = useCallback((filters: CustomerFilters) => setList((l) => ({ ...l, filters, page: 1 })), []);
  const onTableChange = useCallback((c: Pick<ListState, 'page' | 'pageSize' | 'direction'>) => {
    setSkipError(undefined);
    setList((l) => ({ ...l, ...c }));
  }, []);

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
          value={list.filters}
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
          loading={fetching || plan.kind === 'skip'}
          page={list.page}
          pageSize={list.pageSize}
          total={shownTotal}
          direction={list.direction}
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
        onDone={() => refetch({ requestPolicy: 'network-only' })}
      />
      <BatchAllocateModal
        open={batch === 'allocate'}
        customerIds={selected}
        nameOf={(id) => names.get(id)}
        onClose={() => setBatch(null)}
        onDone={() => refetch({ requestPolicy: 'network-only' })}
      />
    </Card>
  );
}
