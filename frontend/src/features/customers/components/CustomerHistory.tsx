// The detail page's tabs: association events, manager assignments, journals (server-side paging).
import { Alert, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomerAssociationEventsQuery as EventsData, CustomerManagerAssignmentsQuery as AssignmentsData } from '../../../gql/graphql';
import { CustomerAssociationEventsQuery, CustomerJournalsQuery, CustomerManagerAssignmentsQuery } from '../queries';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { tablePagination } from '../../../shared/components/tablePagination';
import { describeError } from '../../../shared/graphql/errorInfo';
import { EventKindTag, EventStatusTag } from '../../../shared/components/EventTags';
import { Money } from '../../../shared/components/Money';

const PAGE = 10;
const time = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '-');
const dash = (v: string | null | undefined) => v || '-';

/** The page remounts the tabs (a new React key) after an action, to reload them. */
interface Props {
  customerId: string;
}

const events = (d: EventsData) => (d.node?.__typename === 'Customer' ? d.node.associationEvents : undefined);
const assignments = (d: AssignmentsData) => (d.node?.__typename === 'Customer' ? d.node.managerAssignments : undefined);

export function AssociationHistory({ customerId }: Props) {
  const { t } = useTranslation();
  const list = usePagedConnection({
    query: CustomerAssociationEventsQuery,
    variables: { id: customerId },
    select: events,
    pageSize: PAGE,
    requestPolicy: 'cache-and-network',
  });
  return (
    <>
      {list.error && <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.rows}
        pagination={tablePagination(list, { showTotal: (n) => t('secCommon.total', { count: n }) })}
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
    </>
  );
}

export function ManagerHistory({ customerId }: Props) {
  const { t } = useTranslation();
  const list = usePagedConnection({
    query: CustomerManagerAssignmentsQuery,
    variables: { id: customerId },
    select: assignments,
    pageSize: PAGE,
    requestPolicy: 'cache-and-network',
  });
  return (
    <>
      {list.error && <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.rows}
        pagination={tablePagination(list, { showTotal: (n) => t('secCommon.total', { count: n }) })}
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
    </>
  );
}

export function JournalHistory({ customerId }: Props) {
  const { t } = useTranslation();
  const list = usePagedConnection({
    query: CustomerJournalsQuery,
    variables: { customerID: customerId },
    select: (d) => d.journals,
    pageSize: PAGE,
    requestPolicy: 'cache-and-network',
  });
  return (
    <>
      {list.error && <Alert type="error" showIcon title={describeError(list.error, t)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.rows}
        pagination={tablePagination(list, { showTotal: (n) => t('secCommon.total', { count: n }) })}
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
    </>
  );
}

