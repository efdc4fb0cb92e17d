// Adjustment records (调账记录): journals of the partner, newest first, with filters.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, Button, DatePicker, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { JournalKind, JournalWhereInput, JournalsQuery } from '../../../gql/graphql';
import { JournalsQuery as JournalsDocument } from '../queries';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { tablePagination } from '../../../shared/components/tablePagination';
import { errorMessage } from '../../../shared/graphql/errors';
import { dayRange } from '../../audit/filters';
import { formatMoney } from '../../../shared/money/money';
import { JOURNAL_KINDS, KIND_COLORS } from '../kinds';

type JournalRow = NonNullable<NonNullable<NonNullable<JournalsQuery['journals']['edges']>[number]>['node']>;

interface FormValues {
  kind: JournalKind | 'ALL';
  customerID?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '-');

export function JournalsTab() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [where, setWhere] = useState<JournalWhereInput | undefined>();
  const variables = useMemo(() => ({ where }), [where]);
  const list = usePagedConnection({ query: JournalsDocument, variables, select: (d) => d.journals });

  function submit(v: FormValues) {
    const [from, to] = v.range ?? [];
    const w: JournalWhereInput = { ...dayRange(from?.format('YYYY-MM-DD'), to?.format('YYYY-MM-DD')) };
    if (v.kind !== 'ALL') w.kind = v.kind;
    if (v.customerID?.trim()) w.customerID = v.customerID.trim();
    setWhere(Object.keys(w).length ? w : undefined);
  }

  const columns: ColumnsType<JournalRow> = [
    {
      key: 'transactionNo',
      title: t('account.columns.transactionNo'),
      dataIndex: 'transactionNo',
      width: 290,
      render: (v: string) => (
        <Typography.Text copyable style={{ whiteSpace: 'nowrap' }}>
          {v}
        </Typography.Text>
      ),
    },
    {
      key: 'kind',
      title: t('account.columns.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: JournalKind) => <Tag color={KIND_COLORS[k]}>{t(`account.kind.${k}`)}</Tag>,
    },
    {
      key: 'amount',
      title: t('account.columns.amount'),
      dataIndex: 'amount',
      width: 120,
      align: 'right',
      render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(v)}</span>,
    },
    {
      key: 'customer',
      title: t('account.columns.customer'),
      width: 120,
      render: (_, r) => (r.customer ? <span title={r.customer.id}>{r.customer.name}</span> : '-'),
    },
    { key: 'operator', title: t('account.columns.operator'), dataIndex: 'operatorName', width: 120, render: dash },
    { key: 'reason', title: t('account.columns.reason'), dataIndex: 'reason', width: 120, ellipsis: true, render: dash },
    {
      key: 'createdAt',
      title: t('account.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss'),
    },
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
        <Form.Item label={t('account.filters.customerID')} name="customerID">
          <Input allowClear placeholder={t('account.filters.customerIDPlaceholder')} style={{ width: 220 }} />
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
      <Table<JournalRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.rows}
        loading={list.loading}
        scroll={{ x: 1070 }}
        onRow={() => ({ 'data-testid': 'journal-row' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('account.empty') }}
        pagination={tablePagination(list, { showTotal: (n) => t('secCommon.total', { count: n }) })}
      />
    </Flex>
  );
}
