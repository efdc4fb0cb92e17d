// The detail page's tabs: association events, manager assignments, journals (server-side paging).
import { Alert, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CustomerAssociationEventsQuery, CustomerJournalsQuery, CustomerManagerAssignmentsQuery } from '../queries';
import { useCursorPager } from '../../../shared/graphql/cursorPager';
import { PagerBar } from '../../../shared/components/PagerBar';
import { describeError } from '../../../shared/graphql/errorInfo';
import { EventKindTag, EventStatusTag } from './EventTags';
import { Money } from '../../../shared/components/Money';

const PAGE = 10;
const time = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '-');
const dash = (v: string | null | undefined) => v || '-';

/** The page remounts the tabs (a new React key) after an action, to reload them. */
interface Props {
  customerId: string;
}

export function AssociationHistory({ customerId }: Props) {
  const { t } = useTranslation();
  const pager = useCursorPager(PAGE);
  const [{ data, fetching, error }] = useQuery({
    query: CustomerAssociationEventsQuery,
    variables: { id: customerId, ...pager.variables },
    requestPolicy: 'cache-and-network',
  });
  const conn = data?.node?.__typename === 'Customer' ? data.node.associationEvents : undefined;
  const rows = (conn?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <>
      {error && <Alert type="error" showIcon title={describeError(error, t)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('customers.detail.noEvents') }}
        columns={[
          { key: 'createdAt', title: t('events.columns.createdAt'), width: 150, render: (_, e) => time(e.createdAt) },
          { key: 'kind', title: t('events.columns.kind'), width: 130, render: (_, e) => <EventKindTag kind={e.kind} /> },
          { key: 'initiator', title: t('events.columns.initiator'), width: 90, render: (_, e) => t(`events.initiator.${e.initiator}`) },
          {
            key: 'types',
            title: t('events.columns.fromTo'),
            width: 150,
            render: (_, e) =>
              e.fromType || e.toType
                ? `${e.fromType ? t(`customers.associationType.${e.fromType}`) : '-'} → ${e.toType ? t(`customers.associationType.${e.toType}`) : '-'}`
                : '-',
          },
          { key: 'reason', title: t('events.columns.reason'), ellipsis: true, render: (_, e) => dash(e.reason) },
          { key: 'status', title: t('events.columns.status'), width: 100, render: (_, e) => <EventStatusTag status={e.status} /> },
          { key: 'operator', title: t('events.columns.operator'), width: 140, render: (_, e) => dash(e.operatorName) },
          { key: 'decidedBy', title: t('events.columns.decidedBy'), width: 140, render: (_, e) => dash(e.decidedByName) },
          { key: 'decidedAt', title: t('events.columns.decidedAt'), width: 150, render: (_, e) => time(e.decidedAt) },
          { key: 'decisionReason', title: t('events.columns.decisionReason'), ellipsis: true, render: (_, e) => dash(e.decisionReason) },
        ]}
      />
      <PagerBar
        page={pager.page}
        pageSize={PAGE}
        total={conn?.totalCount ?? 0}
        hasNext={!!conn?.pageInfo.hasNextPage}
        loading={fetching}
        onPrevious={pager.previous}
        onNext={() => pager.next(conn?.pageInfo.endCursor)}
      />
    </>
  );
}

export function ManagerHistory({ customerId }: Props) {
  const { t } = useTranslation();
  const pager = useCursorPager(PAGE);
  const [{ data, fetching, error }] = useQuery({
    query: CustomerManagerAssignmentsQuery,
    variables: { id: customerId, ...pager.variables },
    requestPolicy: 'cache-and-network',
  });
  const conn = data?.node?.__typename === 'Customer' ? data.node.managerAssignments : undefined;
  const rows = (conn?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <>
      {error && <Alert type="error" showIcon title={describeError(error, t)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('customers.detail.noAssignments') }}
        columns={[
          {
            key: 'manager',
            title: t('customers.fields.manager'),
            render: (_, a) => a.manager?.displayName ?? <Tag>{t('customers.detail.unassigned')}</Tag>,
          },
          { key: 'assignedAt', title: t('customers.detail.assignedAt'), render: (_, a) => time(a.assignedAt) },
          { key: 'endedAt', title: t('customers.detail.endedAt'), render: (_, a) => time(a.endedAt) },
          { key: 'assignedBy', title: t('customers.detail.assignedBy'), render: (_, a) => dash(a.assignedByName) },
        ]}
      />
      <PagerBar
        page={pager.page}
        pageSize={PAGE}
        total={conn?.totalCount ?? 0}
        hasNext={!!conn?.pageInfo.hasNextPage}
        loading={fetching}
        onPrevious={pager.previous}
        onNext={() => pager.next(conn?.pageInfo.endCursor)}
      />
    </>
  );
}

export function JournalHistory({ customerId }: Props) {
  const { t } = useTranslation();
  const pager = useCursorPager(PAGE);
  const [{ data, fetching, error }] = useQuery({
    query: CustomerJournalsQuery,
    variables: { customerID: customerId, ...pager.variables },
    requestPolicy: 'cache-and-network',
  });
  const conn = data?.journals;
  const rows = (conn?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return (
    <>
      {error && <Alert type="error" showIcon title={describeError(error, t)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('customers.detail.noJournals') }}
        columns={[
          { key: 'createdAt', title: t('journals.createdAt'), width: 150, render: (_, j) => time(j.createdAt) },
          { key: 'kind', title: t('journals.kind'), width: 140, render: (_, j) => <Tag>{t(`journals.kinds.${j.kind}`)}</Tag> },
          { key: 'amount', title: t('journals.amount'), width: 130, align: 'right', render: (_, j) => <Money value={j.amount} /> },
          { key: 'transactionNo', title: t('journals.transactionNo'), width: 220, render: (_, j) => j.transactionNo },
          { key: 'operator', title: t('journals.operator'), width: 140, render: (_, j) => dash(j.operatorName) },
          { key: 'reason', title: t('journals.reason'), ellipsis: true, render: (_, j) => dash(j.reason) },
        ]}
      />
      <PagerBar
        page={pager.page}
        pageSize={PAGE}
        total={conn?.totalCount ?? 0}
        hasNext={!!conn?.pageInfo.hasNextPage}
        loading={fetching}
        onPrevious={pager.previous}
        onNext={() => pager.next(conn?.pageInfo.endCursor)}
      />
    </>
  );
}

