// The partner's account (partner admins): balance, online recharge, adjustment records, statement.
import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Statistic, Tabs, Typography } from 'antd';
import { ReloadOutlined, WalletOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { AccountBalanceQuery, RechargeOnlineMutation } from '../queries';
import { MoneyMoveDialog, type MoveRequest } from '../../../shared/components/MoneyMoveDialog';
import { JournalsTab } from '../components/JournalsTab';
import { StatementTab } from '../components/StatementTab';
import { formatMoney } from '../../../shared/money/money';
import { errorMessage } from '../../../shared/graphql/errors';
import { NoAccess } from '../../../shared/components/NoAccess';
import { useViewer } from '../../auth/viewer';

export function AccountView() {
  const viewer = useViewer();
  if (viewer.role !== 'PARTNER_ADMIN') return <NoAccess />;
  return <Account />;
}

const MONEY_TYPES = { additionalTypenames: ['Journal', 'LedgerEntry', 'Account'] };

function Account() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccountBalanceQuery, requestPolicy: 'cache-and-network' });
  const [, recharge] = useMutation(RechargeOnlineMutation);
  const [recharging, setRecharging] = useState(false);
  const [tabsKey, setTabsKey] = useState(0);
  const account = data?.viewer?.partner?.account;

  async function runRecharge(r: MoveRequest) {
    const result = await recharge({ input: { amount: r.amount, reason: r.reason }, idempotencyKey: r.idempotencyKey }, MONEY_TYPES);
    return { error: result.error, payload: result.data?.rechargeOnline };
  }

  function reloadAll() {
    refetch({ requestPolicy: 'network-only' });
    setTabsKey((k) => k + 1);
  }

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={16}>
          <div>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('account.title')}
            </Typography.Title>
            {error && !account && (
              <Alert type="error" showIcon title={t('secCommon.loadFailed', { message: errorMessage(error, t('errors.network')) })} />
            )}
            {data && !account && !error && <Alert type="info" showIcon title={t('account.noAccount')} />}
            {(account || (fetching && !data)) && (
              <Statistic
                title={t('account.balance')}
                loading={fetching && !data}
                prefix={<WalletOutlined />}
                // formatted from the decimal string, never through a float
                formatter={() => <span data-testid="account-balance">{formatMoney(account?.balance)}</span>}
                value={account?.balance ?? ''}
              />
            )}
          </div>
          <Flex gap={8}>
            <Button icon={<ReloadOutlined />} onClick={reloadAll}>
              {t('secCommon.refresh')}
            </Button>
            <Button type="primary" onClick={() => setRecharging(true)} disabled={!account} data-testid="recharge-open">
              {t('account.recharge')}
            </Button>
          </Flex>
        </Flex>
      </Card>
      <Card>
        <Tabs
          key={tabsKey}
          destroyOnHidden
          items={[
            { key: 'journals', label: t('account.tabs.journals'), children: <JournalsTab /> },
            { key: 'statement', label: <span data-testid="tab-statement">{t('account.tabs.statement')}</span>, children: <StatementTab /> },
          ]}
        />
      </Card>
      <MoneyMoveDialog
        open={recharging}
        title={t('account.rechargeTitle')}
        run={runRecharge}
        testId="recharge"
        onCancel={() => setRecharging(false)}
        onDone={(no) => {
          setRecharging(false);
          void message.success(t('account.recharged', { no }));
          reloadAll();
        }}
      />
    </Flex>
  );
}
