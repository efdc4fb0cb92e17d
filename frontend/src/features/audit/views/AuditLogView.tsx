// Audit log: the tenant's records for partner admins and the platform, one's own for others.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditLogAction, AuditLogOutcome, AuditLogsQuery } from '../../../gql/graphql';
import { AuditLogsQuery as AuditLogsDocument } from '../queries';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES, auditWhere, targetLabel, type AuditFilters } from '../filters';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { tablePagination } from '../../../shared/components/tablePagination';
import { errorMessage } from '../../../shared/graphql/errors';
import { useViewer } from '../../auth/viewer';

type AuditRow = NonNullable<NonNullable<NonNullable<AuditLogsQuery['auditLogs']['edges']>[number]>['node']>;

interface FormValues {
  action: AuditLogAction | 'ALL';
  outcome: AuditLogOutcome | 'ALL';
  range?: [Dayjs | null, Dayjs | null] | null;
}

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '-');

export function AuditLogView() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const tenantWide = viewer.role === 'PARTNER_ADMIN' || viewer.role === 'PLATFORM_OPERATOR';
  const [filters, setFilters] = useState<AuditFilters>({});
  const variables = useMemo(() => ({ where: auditWhere(filters) }), [filters]);
  const list = usePagedConnection({
    query: AuditLogsDocument,
    variables,
    select: (d) => d.auditLogs,
    pageSize: 20,
  });
  const [form] = Form.useForm<FormValues>();

  function submit(v: FormValues) {
    const [from, to] = v.range ?? [];
    setFilters({
      action: v.action === 'ALL' ? undefined : v.action,
      outcome: v.outcome === 'ALL' ? undefined : v.outcome,
      from: from?.format('YYYY-MM-DD'),
      to: to?.format('YYYY-MM-DD'),
    });
  }

  const columns: ColumnsType<AuditRow> = [
    {
      key: 'createdAt',
      title: t('audit.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      fixed: 'start',
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    { key: 'actor', title: t('audit.columns.actor'), dataIndex: 'actorName', width: 180, render: dash },
    {
      key: 'action',
      title: t('audit.columns.action'),
      dataIndex: 'action',
      width: 150,
      render: (a: AuditLogAction) => <span data-action={a}>{t(`audit.action.${a}`, { defaultValue: a })}</span>,
    },
    {
      key: 'outcome',
      title: t('audit.columns.outcome'),
      dataIndex: 'outcome',
      width: 90,
      render: (o: AuditLogOutcome) => <Tag color={o === 'ALLOWED' ? 'green' : 'red'}>{t(`audit.outcome.${o}`)}</Tag>,
    },
    {
      key: 'target',
      title: t('audit.columns.target'),
      width: 240,
      ellipsis: true,
      render: (_, r) => targetLabel(r.targetType, r.targetID),
    },
    { key: 'field', title: t('audit.columns.field'), dataIndex: 'sensitiveField', width: 110, render: dash },
    { key: 'reason', title: t('audit.columns.reason'), dataIndex: 'reason', width: 160, ellipsis: true, render: dash },
    { key: 'detail', title: t('audit.columns.detail'), dataIndex: 'detail', width: 220, ellipsis: true, render: dash },
    { key: 'remoteAddr', title: t('audit.columns.remoteAddr'), dataIndex: 'remoteAddr', width: 130, render: dash },
    {
      key: 'requestID',
      title: t('audit.columns.requestID'),
      dataIndex: 'requestID',
      width: 170,
      render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : '-'),
    },
  ];

  return (
    <Card>
      <Flex vertical gap={16}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('audit.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{tenantWide ? t('audit.tenantWide') : t('audit.ownOnly')}</Typography.Text>
        </div>
        <Form<FormValues>
          form={form}
          layout="inline"
          initialValues={{ action: 'ALL', outcome: 'ALL', range: null }}
          onFinish={submit}
          style={{ rowGap: 12 }}
        >
          <Form.Item label={t('audit.filters.action')} name="action">
            <Select
              style={{ width: 180 }}
              data-testid="audit-filter-action"
              options={[
                { value: 'ALL', label: t('secCommon.all') },
                ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}`) })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('audit.filters.outcome')} name="outcome">
            <Select
              style={{ width: 110 }}
              options={[
                { value: 'ALL', label: t('secCommon.all') },
                ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`audit.outcome.${o}`) })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('audit.filters.createdAt')} name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" data-testid="audit-search">
                {t('secCommon.search')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setFilters({});
                }}
              >
                {t('secCommon.reset')}
              </Button>
              <Button onClick={list.refresh}>{t('secCommon.refresh')}</Button>
            </Space>
          </Form.Item>
        </Form>
        {list.error && <Alert type="error" showIcon title={t('secCommon.loadFailed', { message: errorMessage(list.error, t('errors.network')) })} />}
        <Table<AuditRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          scroll={{ x: 1630 }}
          onRow={() => ({ 'data-testid': 'audit-row' }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('audit.empty') }}
          pagination={tablePagination(list, { showTotal: (n) => <span data-testid="audit-total">{t('secCommon.total', { count: n })}</span> })}
        />
      </Flex>
    </Card>
  );
}
