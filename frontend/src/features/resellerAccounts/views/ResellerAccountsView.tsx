// A distributor's cloud resellers with their balances; allocate to or reclaim from each.
import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Flex, Space, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { ResellerAccountsQuery } from '../../../gql/graphql';
import {
  AccountBalanceQuery,
  AllocateToResellerMutation,
  ReclaimFromResellerMutation,
  ResellerAccountsQuery as ResellerAccountsDocument,
} from '../../account/queries';
import { MoneyMoveDialog, type MoveRequest } from '../../../shared/components/MoneyMoveDialog';
import { formatMoney } from '../../../shared/money/money';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { tablePagination } from '../../../shared/components/tablePagination';
import { errorMessage } from '../../../shared/graphql/errors';
import { NoAccess } from '../../../shared/components/NoAccess';
import { useViewer } from '../../auth/viewer';

type ResellerRow = NonNullable<NonNullable<NonNullable<ResellerAccountsQuery['partners']['edges']>[number]>['node']>;

const NO_VARS = {};
const MONEY_TYPES = { additionalTypenames: ['Journal', 'LedgerEntry', 'Account'] };

export function ResellerAccountsView() {
  const viewer = useViewer();
  if (viewer.role !== 'PARTNER_ADMIN' || viewer.partner?.kind !== 'DISTRIBUTOR') return <NoAccess />;
  return <ResellerAccounts />;
}

function ResellerAccounts() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [own, refetchOwn] = useQuery({ query: AccountBalanceQuery, requestPolicy: 'cache-and-network' });
  const list = usePagedConnection({ query: ResellerAccountsDocument, variables: NO_VARS, select: (d) => d.partners });
  const [action, setAction] = useState<{ kind: 'allocate' | 'reclaim'; reseller: ResellerRow } | null>(null);
  const [, allocate] = useMutation(AllocateToResellerMutation);
  const [, reclaim] = useMutation(ReclaimFromResellerMutation);

  async function run(r: MoveRequest) {
    if (!action) return {};
    const variables = {
      input: { resellerID: action.reseller.id, amount: r.amount, reason: r.reason, verificationCode: r.verificationCode },
      idempotencyKey: r.idempotencyKey,
    };
    if (action.kind === 'allocate') {
      const result = await allocate(variables, MONEY_TYPES);
      return { error: result.error, payload: result.data?.allocateToReseller };
    }
    const result = await reclaim(variables, MONEY_TYPES);
    return { error: result.error, payload: result.data?.reclaimFromReseller };
  }

  function reload() {
    refetchOwn({ requestPolicy: 'network-only' });
    list.refresh();
  }

  const columns: ColumnsType<ResellerRow> = [
    { key: 'name', title: t('resellerAccounts.columns.name'), dataIndex: 'name', width: 220 },
    {
      key: 'id',
      title: t('resellerAccounts.columns.id'),
      dataIndex: 'id',
      width: 280,
      render: (v: string) => <Typography.Text type="secondary" copyable>{v}</Typography.Text>,
    },
    {
      key: 'balance',
      title: t('resellerAccounts.columns.balance'),
      width: 160,
      align: 'right',
      render: (_, r) => <span data-testid="reseller-balance">{formatMoney(r.account?.balance ?? '0.00')}</span>,
    },
    {
      key: 'createdAt',
      title: t('resellerAccounts.columns.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (v: string) => dayjs(v).format('YYYY-MM-DD'),
    },
    {
      key: 'actions',
      title: t('resellerAccounts.columns.actions'),
      width: 170,
      fixed: 'end',
      render: (_, r) => (
        <Space>
          <Button size="small" type="primary" onClick={() => setAction({ kind: 'allocate', reseller: r })} data-testid="reseller-allocate">
            {t('resellerAccounts.allocate')}
          </Button>
          <Button size="small" onClick={() => setAction({ kind: 'reclaim', reseller: r })} data-testid="reseller-reclaim">
            {t('resellerAccounts.reclaim')}
          </Button>
        </Space>
      ),
    },
  ];

  const ownBalance = own.data?.viewer?.partner?.account?.balance;
  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('resellerAccounts.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('resellerAccounts.intro')}</Typography.Text>
          </div>
          <Flex gap={16} align="center">
            <Statistic
              title={t('resellerAccounts.ownBalance')}
              loading={own.fetching && !own.data}
              value={ownBalance ?? ''}
              formatter={() => <span data-testid="own-balance">{formatMoney(ownBalance)}</span>}
            />
            <Button icon={<ReloadOutlined />} onClick={reload}>
              {t('secCommon.refresh')}
            </Button>
          </Flex>
        </Flex>
        {list.error && <Alert type="error" showIcon title={t('secCommon.loadFailed', { message: errorMessage(list.error, t('errors.network')) })} />}
        <Table<ResellerRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          scroll={{ x: 990 }}
          onRow={(r) => ({ 'data-testid': 'reseller-row', 'data-name': r.name }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('resellerAccounts.empty') }}
          pagination={tablePagination(list, { showTotal: (n) => t('secCommon.total', { count: n }), hideOnSinglePage: true })}
        />
      </Flex>
      <MoneyMoveDialog
        open={!!action}
        testId="transfer"
        title={
          action &&
          (action.kind === 'allocate'
            ? t('resellerAccounts.allocateTitle', { name: action.reseller.name })
            : t('resellerAccounts.reclaimTitle', { name: action.reseller.name }))
        }
        info={
          action && (
            <Typography.Paragraph type="secondary">
              {t('resellerAccounts.currentBalance', { amount: formatMoney(action.reseller.account?.balance ?? '0.00') })}
            </Typography.Paragraph>
          )
        }
        maxAmount={action?.kind === 'reclaim' ? (action.reseller.account?.balance ?? '0.00') : undefined}
        run={run}
        onCancel={() => setAction(null)}
        onDone={(no) => {
          setAction(null);
          void message.success(t('resellerAccounts.done', { no }));
          reload();
        }}
      />
    </Card>
  );
}
