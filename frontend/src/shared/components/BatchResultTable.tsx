// Per-row answers of a batch action: ok, or the refusal's code and message.
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeRefusal } from '../graphql/errorInfo';

export interface BatchRow {
  id: string;
  ok: boolean;
  code?: string | null;
  reason?: string | null;
  message?: string | null;
}

interface Props {
  results: readonly BatchRow[];
  /** A readable name for a row's ID (e.g. the masked account name). */
  nameOf?: (id: string) => string | undefined;
}

export function BatchResultTable({ results, nameOf }: Props) {
  const { t } = useTranslation();
  return (
    <Table<BatchRow>
      rowKey="id"
      size="small"
      pagination={results.length > 10 ? { pageSize: 10 } : false}
      dataSource={[...results]}
      data-testid="batch-results"
      columns={[
        {
          key: 'target',
          title: t('batch.target'),
          render: (_, r) => nameOf?.(r.id) ?? <Typography.Text code>{r.id}</Typography.Text>,
        },
        {
          key: 'ok',
          title: t('batch.outcome'),
          width: 110,
          render: (_, r) => (r.ok ? <Tag color="success">{t('batch.ok')}</Tag> : <Tag color="error">{r.reason ?? r.code ?? t('batch.failed')}</Tag>),
        },
        {
          key: 'message',
          title: t('batch.message'),
          render: (_, r) => (r.ok ? '-' : describeRefusal(r, t)),
        },
      ]}
    />
  );
}
