// Income and expense details (收支明细): ledger entries of the partner's account, newest first.
import { lazy, Suspense, useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Button, DatePicker, Flex, Form, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { JournalKind, LedgerEntryWhereInput, StatementQuery } from '../../../gql/graphql';
import { StatementQuery as StatementDocument } from '../queries';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { tablePagination } from '../../../shared/components/tablePagination';
import { errorMessage } from '../../../shared/graphql/errors';
import { dayRange } from '../../audit/filters';
import { formatMoney } from '../../../shared/money/money';
import { splitDebitCredit } from '../statement';
import { JOURNAL_KINDS, KIND_COLORS } from '../kinds';

type Entries = NonNullable<NonNullable<NonNullable<StatementQuery['viewer']>['partner']>['account']>['entries'];
export type EntryRow = NonNullable<NonNullable<NonNullable<Entries['edges']>[number]>['node']>;

const BalanceChart = lazy(() => import('./BalanceChart'));

interface FormValues {
  kind: JournalKind | 'ALL';
  range?: [Dayjs | null, Dayjs | null] | null;
}

const num = (v: string | null) => (v ? <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(v)}</span> : '-');

export function StatementTab() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [where, setWhere] = useState<LedgerEntryWhereInput | undefined>();
  const variables = useMemo(() => ({ where }), [where]);
  const list = usePagedConnection({
    query: StatementDocument,
    variables,
    select: (d) => d.viewer?.partner?.account?.entries,
    pageSize: 20,
  });

  function submit(v: FormValues) {
    const [from, to] = v.range ?? [];
    const w: LedgerEntryWhereInput = { ...dayRange(from?.format('YYYY-MM-DD'), to?.format('YYYY-MM-DD')) };
    if (v.kind !== 'ALL') w.hasJournalWith = [{ kind: v.kind }];
    setWhere(Object.keys(w).length ? w : undefined);
  }

  const columns: ColumnsType<EntryRow> = [
    {
      key: 'createdAt',
      title: t('account.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
    { key: 'transactionNo', title: t('account.columns.transactionNo'), width: 250, render: (_, r) => r.journal.transactionNo },
    {
      key: 'kind',
      title: t('account.columns.kind'),
      width: 130,
      render: (_, r) => <Tag color={KIND_COLORS[r.journal.kind]}>{t(`account.kind.${r.journal.kind}`)}</Tag>,
    },
    {
      key: 'debit',
      title: t('account.columns.debit'),
      width: 140,
      align: 'right',
      render: (_, r) => <span style={{ color: '#cf1322' }}>{num(splitDebitCredit(r.amount).debit)}</span>,
    },
    {
      key: 'credit',
      title: t('account.columns.credit'),
      width: 140,
      align: 'right',
      render: (_, r) => <span style={{ color: '#389e0d' }}>{num(splitDebitCredit(r.amount).credit)}</span>,
    },
    { key: 'balanceAfter', title: t('account.columns.balanceAfter'), dataIndex: 'balanceAfter', width: 150, align: 'right', render: num },
  ];

  return (
    <Flex vertical gap={16}>
      <Form<FormValues> form={form} layout="inline" initialValues={{ kind: 'ALL' }} onFinish={submit} style={{ rowGap: 12 }}>
        <Form.Item label={t('account.filters.kind')} name="kind">
          <Select
            style={{ width: 160 }}
            options={[{ value: 'ALL', label: t('secCommon.all') }, ...JOURNAL_KINDS.map((k) => ({ value: k, label: t(`account.kind.${k}`) }))]}
          />
        </Form.Item>
        <Form.Item label={t('account.filters.createdAt')} name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('secCommon.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setWhere(undefined);
              }}
            >
              {t('secCommon.reset')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      {list.error && <Alert type="error" showIcon title={t('secCommon.loadFailed', { message: errorMessage(list.error, t('errors.network')) })} />}
      {list.rows.length > 1 && (
        <Suspense fallback={<div style={{ height: 220 }} />}>
          <BalanceChart rows={list.rows} title={t('account.chart')} />
        </Suspense>
      )}
      <Table<EntryRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.rows}
        loading={list.loading}
        scroll={{ x: 980 }}
        onRow={() => ({ 'data-testid': 'statement-row' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('account.empty') }}
        pagination={tablePagination(list, { showTotal: (n) => t('secCommon.total', { count: n }) })}
      />
    </Flex>
  );
}
