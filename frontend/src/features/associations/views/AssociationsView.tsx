// Association records (关联关系操作记录): every associate, switch, request and decision, with
// filters and server-side paging; pending disassociation requests of the other side can be
// approved or rejected here (partners decide customers' requests, customers their partner's).
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { AssociationEventKind, AssociationEventStatus } from '../../../gql/graphql';
import { AssociationEventsQuery, DecideDisassociationMutation, EventCustomerNamesQuery, EventPartnerNamesQuery } from '../queries';
import { canDecide, toEventWhere, type EventFilters } from '../decide';
import { useViewer } from '../../auth/viewer';
import { EventKindTag, EventStatusTag } from '../../../shared/components/EventTags';
import { ReasonDialog } from '../../../shared/components/ReasonDialog';
import { tablePagination } from '../../../shared/components/tablePagination';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';
import { useVerifiedMutation } from '../../../shared/graphql/stepUp';
import { customerPath } from '../../../app/paths';

const STATUSES: readonly AssociationEventStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'DONE'];
const KINDS: readonly AssociationEventKind[] = [
  'ASSOCIATED',
  'TYPE_SWITCHED',
  'DISASSOCIATION_REQUESTED',
  'DISASSOCIATED',
  'FROZEN',
  'UNFROZEN',
  'MIGRATED_IN',
  'MIGRATED_OUT',
];
const PAGE = 20;
const time = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '-');

interface FilterValues {
  status?: AssociationEventStatus;
  kind?: AssociationEventKind;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export function AssociationsView() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const viewer = useViewer();
  const [filters, setFilters] = useState<EventFilters>({});
  const list = usePagedConnection({
    query: AssociationEventsQuery,
    variables: { where: toEventWhere(filters) },
    select: (d) => d.associationEvents,
    pageSize: PAGE,
    requestPolicy: 'cache-and-network',
  });
  const decide = useVerifiedMutation(DecideDisassociationMutation);
  const [deciding, setDeciding] = useState<{ id: string; approve: boolean }>();

  const rows = list.rows;
  type Row = (typeof rows)[number];
  const partnerSide = viewer.role !== 'CUSTOMER';
  const customerIds = useMemo(() => [...new Set(rows.map((r) => r.customerID))].sort(), [rows]);
  const partnerIds = useMemo(() => [...new Set(rows.map((r) => r.partnerID))].sort(), [rows]);
  const [{ data: customerNames }] = useQuery({
    query: EventCustomerNamesQuery,
    variables: { ids: customerIds },
    pause: !partnerSide || !customerIds.length,
  });
  const [{ data: partnerNames }] = useQuery({
    query: EventPartnerNamesQuery,
    variables: { ids: partnerIds },
    pause: partnerSide || !partnerIds.length,
  });
  const customerName = new Map(
    (customerNames?.customers.edges ?? []).flatMap((e) => (e?.node ? [[e.node.id, `${e.node.accountName} (${e.node.name})`] as const] : [])),
  );
  const partnerName = new Map((partnerNames?.partners.edges ?? []).flatMap((e) => (e?.node ? [[e.node.id, e.node.name] as const] : [])));

  function applyFilters(v: FilterValues) {
    const [from, to] = v.range ?? [];
    setFilters({ status: v.status, kind: v.kind, from: from?.format('YYYY-MM-DD'), to: to?.format('YYYY-MM-DD') });
    list.setPage(1);
  }

  async function submitDecision(reason: string | undefined): Promise<string | undefined> {
    if (!deciding) return undefined;
    const { result, cancelled } = await decide.run((verificationCode) => ({
      input: { eventID: deciding.id, approve: deciding.approve, reason: reason ?? null, verificationCode: verificationCode ?? null },
    }));
    if (cancelled) return t('verification.cancelled');
    if (result.error || !result.data) return result.error ? describeError(result.error, t) : t('errors.generic');
    const refused = result.data.decideDisassociation.userErrors;
    if (refused.length) return refused.map((e) => describeRefusal(e, t)).join('; ');
    void message.success(deciding.approve ? t('associations.approved') : t('associations.rejected'));
    list.refresh();
    return undefined;
  }

  return (
    <Card>
      <Flex vertical gap={16}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('associations.title')}
        </Typography.Title>
        <Form<FilterValues> layout="inline" onFinish={applyFilters} style={{ rowGap: 12 }}>
          <Form.Item name="status" label={t('events.columns.status')}>
            <Select
              allowClear
              style={{ width: 130 }}
              placeholder={t('customers.filters.all')}
              options={STATUSES.map((s) => ({ value: s, label: t(`events.status.${s}`) }))}
              data-testid="filter-status"
            />
          </Form.Item>
          <Form.Item name="kind" label={t('events.columns.kind')}>
            <Select
              allowClear
              style={{ width: 170 }}
              placeholder={t('customers.filters.all')}
              options={KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
              data-testid="filter-kind"
            />
          </Form.Item>
          <Form.Item name="range" label={t('events.columns.createdAt')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="events-search">
                {t('customers.filters.search')}
              </Button>
              <Button htmlType="reset" onClick={() => applyFilters({})}>
                {t('customers.filters.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
        {list.error && <Alert type="error" showIcon title={describeError(list.error, t)} />}
        <Table<Row>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={rows}
          pagination={tablePagination(list, {
            showTotal: (n) => <span data-testid="events-total">{t('secCommon.total', { count: n })}</span>,
          })}
          scroll={{ x: 1600 }}
          locale={{ emptyText: t('associations.empty') }}
          onRow={(e) => ({ 'data-testid': 'event-row', 'data-id': e.id }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'createdAt', title: t('events.columns.createdAt'), width: 150, render: (_, e) => time(e.createdAt) },
            {
              key: 'customer',
              title: partnerSide ? t('associations.customer') : t('associations.partner'),
              width: 200,
              render: (_, e) => {
                if (!partnerSide) return partnerName.get(e.partnerID) ?? <Typography.Text code>{e.partnerID}</Typography.Text>;
                const name = customerName.get(e.customerID);
                // A customer that left the partner is no longer visible: show its ID only.
                return name ? <Link to={customerPath(e.customerID)}>{name}</Link> : <Typography.Text code>{e.customerID}</Typography.Text>;
              },
            },
            { key: 'kind', title: t('events.columns.kind'), width: 140, render: (_, e) => <EventKindTag kind={e.kind} /> },
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
            { key: 'reason', title: t('events.columns.reason'), ellipsis: true, render: (_, e) => e.reason || '-' },
            { key: 'status', title: t('events.columns.status'), width: 100, render: (_, e) => <EventStatusTag status={e.status} /> },
            { key: 'operator', title: t('events.columns.operator'), width: 140, render: (_, e) => e.operatorName || '-' },
            { key: 'decidedBy', title: t('events.columns.decidedBy'), width: 140, render: (_, e) => e.decidedByName || '-' },
            { key: 'decidedAt', title: t('events.columns.decidedAt'), width: 150, render: (_, e) => time(e.decidedAt) },
            {
              key: 'actions',
              title: t('common.actions'),
              fixed: 'end',
              width: 150,
              render: (_, e) =>
                canDecide(e, viewer.role) ? (
                  <Space size={4}>
                    <Button size="small" type="primary" onClick={() => setDeciding({ id: e.id, approve: true })} data-testid="event-approve">
                      {t('associations.approve')}
                    </Button>
                    <Button size="small" danger onClick={() => setDeciding({ id: e.id, approve: false })} data-testid="event-reject">
                      {t('associations.reject')}
                    </Button>
                  </Space>
                ) : (
                  '-'
                ),
            },
          ]}
        />
      </Flex>
      <ReasonDialog
        open={!!deciding}
        title={deciding?.approve ? t('associations.approveTitle') : t('associations.rejectTitle')}
        description={deciding?.approve ? t('associations.approveHint') : t('associations.rejectHint')}
        reasonRequired={deciding ? !deciding.approve : false}
        danger={deciding?.approve}
        loading={decide.fetching}
        onSubmit={(v) => submitDecision(v.reason)}
        onClose={() => setDeciding(undefined)}
        testId="decide-dialog"
      />
      {decide.prompt}
    </Card>
  );
}
