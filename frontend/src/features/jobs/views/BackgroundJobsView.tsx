// Background jobs (后台任务): River's jobs for the platform operator, newest first, with their
// state, attempts, the instance that ran them, their times and last error.
import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Card, Flex, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { BackgroundJobState, BackgroundJobsQuery } from '../../../gql/graphql';
import { BackgroundJobsQuery as BackgroundJobsDocument } from '../queries';
import { JOB_STATES, stateColor } from '../states';
import { errorMessage } from '../../../shared/graphql/errors';

type JobRow = BackgroundJobsQuery['backgroundJobs'][number];

const time = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm:ss') : '-');

/** How many jobs the page asks for (the newest). */
export const JOBS_PAGE_SIZE = 200;

export function BackgroundJobsView() {
  const { t } = useTranslation();
  const [states, setStates] = useState<BackgroundJobState[]>([]);
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: BackgroundJobsDocument,
    variables: { states: states.length ? states : null, first: JOBS_PAGE_SIZE },
    requestPolicy: 'cache-and-network',
  });
  const rows = data?.backgroundJobs ?? [];

  const columns: ColumnsType<JobRow> = [
    { key: 'id', title: t('jobs.columns.id'), dataIndex: 'id', width: 80 },
    {
      key: 'kind',
      title: t('jobs.columns.kind'),
      dataIndex: 'kind',
      width: 160,
      render: (k: string) => <Typography.Text code>{k}</Typography.Text>,
    },
    {
      key: 'state',
      title: t('jobs.columns.state'),
      dataIndex: 'state',
      width: 110,
      render: (s: BackgroundJobState) => (
        <Tag color={stateColor(s)} data-testid="job-state" data-state={s}>
          {t(`jobs.state.${s}`)}
        </Tag>
      ),
    },
    {
      key: 'attempts',
      title: t('jobs.columns.attempts'),
      width: 90,
      render: (_, r) => <span data-testid="job-attempts">{`${r.attempt}/${r.maxAttempts}`}</span>,
    },
    {
      key: 'instance',
      title: t('jobs.columns.instance'),
      width: 180,
      ellipsis: true,
      render: (_, r) => r.attemptedBy.at(-1) ?? '-',
    },
    { key: 'createdAt', title: t('jobs.columns.createdAt'), dataIndex: 'createdAt', width: 170, render: time },
    { key: 'scheduledAt', title: t('jobs.columns.scheduledAt'), dataIndex: 'scheduledAt', width: 170, render: time },
    { key: 'attemptedAt', title: t('jobs.columns.attemptedAt'), dataIndex: 'attemptedAt', width: 170, render: time },
    { key: 'finalizedAt', title: t('jobs.columns.finalizedAt'), dataIndex: 'finalizedAt', width: 170, render: time },
    {
      key: 'lastError',
      title: t('jobs.columns.lastError'),
      width: 320,
      render: (_, r) =>
        r.lastError ? (
          <Tooltip title={`${time(r.lastError.at)} · ${t('jobs.attemptN', { n: r.lastError.attempt })}`}>
            <Typography.Text type="danger" ellipsis style={{ maxWidth: 300 }} data-testid="job-error">
              {r.lastError.message}
            </Typography.Text>
            {r.errorCount > 1 && <Typography.Text type="secondary">{` (${t('jobs.errorCount', { count: r.errorCount })})`}</Typography.Text>}
          </Tooltip>
        ) : (
          '-'
        ),
    },
  ];

  return (
    <Card>
      <Flex vertical gap={16}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('jobs.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('jobs.subtitle', { count: JOBS_PAGE_SIZE })}</Typography.Text>
        </div>
        <Space wrap>
          <span>{t('jobs.filters.state')}</span>
          <Select<BackgroundJobState[]>
            mode="multiple"
            allowClear
            style={{ minWidth: 260 }}
            placeholder={t('jobs.filters.allStates')}
            value={states}
            onChange={setStates}
            data-testid="jobs-filter-state"
            options={JOB_STATES.map((s) => ({ value: s, label: t(`jobs.state.${s}`) }))}
          />
          <Button onClick={() => reexecute({ requestPolicy: 'network-only' })} loading={fetching} data-testid="jobs-refresh">
            {t('jobs.refresh')}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={t('jobs.loadFailed', { message: errorMessage(error, t('errors.network')) })} />}
        <Table<JobRow>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={fetching && !data}
          scroll={{ x: 1640 }}
          onRow={() => ({ 'data-testid': 'job-row' }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('jobs.empty') }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
        />
      </Flex>
    </Card>
  );
}
