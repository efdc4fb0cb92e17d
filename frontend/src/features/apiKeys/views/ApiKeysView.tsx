// API keys of the partner (partner admins): list, create (key shown once), revoke.
import { useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { ApiKeysQuery } from '../../../gql/graphql';
import { ApiKeysQuery as ApiKeysDocument, CreateApiKeyMutation, RevokeApiKeyMutation } from '../queries';
import { CreateApiKeyDialog, type CreateApiKeyValues } from '../components/CreateApiKeyDialog';
import { ApiKeyResultDialog } from '../components/ApiKeyResultDialog';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { tablePagination } from '../../../shared/components/tablePagination';
import { errorMessage } from '../../../shared/graphql/errors';
import { NoAccess } from '../../../shared/components/NoAccess';
import { useViewer } from '../../auth/viewer';

type KeyRow = NonNullable<NonNullable<NonNullable<ApiKeysQuery['apiKeys']['edges']>[number]>['node']>;

const time = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : null);
const NO_VARS = {};

export function ApiKeysView() {
  const viewer = useViewer();
  if (viewer.role !== 'PARTNER_ADMIN') return <NoAccess />;
  return <ApiKeys />;
}

function ApiKeys() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = usePagedConnection({ query: ApiKeysDocument, variables: NO_VARS, select: (d) => d.apiKeys });
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string>();
  const [secret, setSecret] = useState<string | null>(null);
  const [{ fetching: createBusy }, createKey] = useMutation(CreateApiKeyMutation);
  const [, revokeKey] = useMutation(RevokeApiKeyMutation);
  const context = useMemo(() => ({ additionalTypenames: ['APIKey'] }), []);

  async function create(values: CreateApiKeyValues) {
    setCreateError(undefined);
    const result = await createKey({ input: values }, context);
    const key = result.data?.createApiKey.key;
    if (result.error || !key) {
      const refused = result.data?.createApiKey.userErrors ?? [];
      setCreateError(result.error ? errorMessage(result.error, t('errors.network')) : refused.map((e) => e.message).join('; ') || t('errors.generic'));
      return;
    }
    setCreating(false);
    setSecret(key);
    list.setPage(1);
    list.refresh();
  }

  async function revoke(row: KeyRow) {
    const result = await revokeKey({ id: row.id }, context);
    const refused = result.data?.revokeApiKey.userErrors ?? [];
    if (result.error || refused.length) {
      const problem = result.error ? errorMessage(result.error, t('errors.network')) : refused.map((e) => e.message).join('; ');
      void message.error(t('secCommon.requestFailed', { message: problem }));
      return;
    }
    void message.success(t('apiKeys.revoked'));
    list.refresh();
  }

  const columns: ColumnsType<KeyRow> = [
    { key: 'name', title: t('apiKeys.columns.name'), dataIndex: 'name', width: 180, ellipsis: true },
    {
      key: 'prefix',
      title: t('apiKeys.columns.prefix'),
      dataIndex: 'prefix',
      width: 170,
      render: (v: string) => <Typography.Text code>{v}…</Typography.Text>,
    },
    {
      key: 'scope',
      title: t('apiKeys.columns.scope'),
      dataIndex: 'scope',
      width: 110,
      render: (s: KeyRow['scope']) => <Tag color={s === 'READ' ? 'blue' : 'orange'}>{t(`apiKeys.scope.${s}`)}</Tag>,
    },
    { key: 'createdBy', title: t('apiKeys.columns.createdBy'), width: 150, render: (_, r) => r.createdBy.displayName },
    { key: 'createdAt', title: t('apiKeys.columns.createdAt'), dataIndex: 'createdAt', width: 160, render: time },
    {
      key: 'lastUsedAt',
      title: t('apiKeys.columns.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      width: 160,
      render: (v: string | null) => time(v) ?? <Typography.Text type="secondary">{t('apiKeys.never')}</Typography.Text>,
    },
    {
      key: 'status',
      title: t('apiKeys.columns.status'),
      width: 110,
      render: (_, r) =>
        r.revokedAt ? (
          <Tooltip title={t('apiKeys.status.revokedAt', { time: time(r.revokedAt) })}>
            <Tag data-testid="apikey-status">{t('apiKeys.status.revoked')}</Tag>
          </Tooltip>
        ) : (
          <Tag color="green" data-testid="apikey-status">
            {t('apiKeys.status.active')}
          </Tag>
        ),
    },
    {
      key: 'actions',
      title: t('apiKeys.columns.actions'),
      width: 100,
      fixed: 'end',
      render: (_, r) =>
        r.revokedAt ? null : (
          <Popconfirm
            title={t('apiKeys.revokeConfirm', { name: r.name })}
            okText={t('apiKeys.revoke')}
            cancelText={t('secCommon.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(r)}
          >
            <Button danger size="small" data-testid="apikey-revoke">
              {t('apiKeys.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="start" gap={16}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('apiKeys.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('apiKeys.intro')}</Typography.Text>
          </div>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setCreateError(undefined);
              setCreating(true);
            }}
            data-testid="apikey-create"
          >
            {t('apiKeys.create')}
          </Button>
        </Flex>
        {list.error && <Alert type="error" showIcon title={t('secCommon.loadFailed', { message: errorMessage(list.error, t('errors.network')) })} />}
        <Table<KeyRow>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          scroll={{ x: 1140 }}
          onRow={(r) => ({ 'data-testid': 'apikey-row', 'data-prefix': r.prefix }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('apiKeys.empty') }}
          pagination={tablePagination(list, { showTotal: (n) => t('secCommon.total', { count: n }), hideOnSinglePage: true })}
        />
      </Flex>
      <CreateApiKeyDialog
        open={creating}
        submitting={createBusy}
        error={createError}
        onSubmit={(v) => void create(v)}
        onCancel={() => setCreating(false)}
      />
      <ApiKeyResultDialog secret={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
