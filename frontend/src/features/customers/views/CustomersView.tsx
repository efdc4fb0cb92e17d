// Customer list: owns filters, order, page state and the server round trips.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Card, Flex, Typography } from 'antd';
import { useClient, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';
import { CustomerCursorsQuery, CustomersQuery } from '../queries';
import { CustomerFilterBar } from '../components/CustomerFilterBar';
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

  const [{ data, fetching, error, operation }] = useQuery({
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

  const rows: CustomerRow[] = (data?.customers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const shownTotal = data?.customers.totalCount ?? total ?? 0;
  const shownError = error ? errorMessage(error, t('errors.network')) : skipError;

  return (
    <Card>
      <Flex vertical gap={16}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('customers.title')}
        </Typography.Title>
        <CustomerFilterBar value={list.filters} onSearch={(filters) => setList((l) => ({ ...l, filters, page: 1 }))} />
        {shownError && <Alert type="error" showIcon title={shownError} />}
        <CustomersTable
          rows={rows}
          loading={fetching || plan.kind === 'skip'}
          page={list.page}
          pageSize={list.pageSize}
          total={shownTotal}
          direction={list.direction}
          onChange={(c) => {
            setSkipError(undefined);
            setList((l) => ({ ...l, ...c }));
          }}
        />
      </Flex>
    </Card>
  );
}
