// 客户白名单 of a government partner (GOV_SUBSIDY, GOV_CLOUD): its admin lists, adds and removes
// the customers it may issue coupons to.
import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Flex, Form, Modal, Popconfirm, Table, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import type { CustomerWhitelistsQuery } from '../../../gql/graphql';
import { AddToWhitelistMutation, CustomerWhitelistsQuery as CustomerWhitelistsDocument, RemoveFromWhitelistMutation } from '../queries';
import { useViewer } from '../../auth/viewer';
import { NoAccess } from '../../../shared/components/NoAccess';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { tablePagination } from '../../../shared/components/tablePagination';
import { errorMessage } from '../../../shared/graphql/errors';
import { describeError, describeRefusal } from '../../../shared/graphql/errorInfo';
import { GOV_KINDS } from '../permissions';
import { customerLabel } from '../customerLabel';
import { CustomerPicker } from '../components/CustomerPicker';
import { MAX_BATCH } from '../rules';
import { useReload } from '../useReload';

type Row = NonNullable<NonNullable<NonNullable<CustomerWhitelistsQuery['customerWhitelists']['edges']>[number]>['node']>;
const NO_VARS = {};
const WHITELIST_TYPES = { additionalTypenames: ['CustomerWhitelist'] };

export function WhitelistView() {
  const viewer = useViewer();
  if (viewer.role !== 'PARTNER_ADMIN' || !viewer.partner || !GOV_KINDS.includes(viewer.partner.kind)) return <NoAccess />;
  return <Whitelist />;
}

function Whitelist() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = usePagedConnection({ query: CustomerWhitelistsDocument, variables: NO_VARS, select: (d) => d.customerWhitelists, requestPolicy: 'cache-and-network' });
  const [reloadKey, setReloadKey] = useState(0);
  useReload(reloadKey, list.refresh);
  const [adding, setAdding] = useState(false);
  const [, remove] = useMutation(RemoveFromWhitelistMutation);

  async function removeOne(r: Row) {
    const res = await remove({ input: { customerIDs: [r.customerID] } }, WHITELIST_TYPES);
    const refused = res.data?.removeFromWhitelist.userErrors ?? [];
    if (res.error || refused.length) {
      void message.error(res.error ? describeError(res.error, t) : refused.map((e) => describeRefusal(e, t)).join('; '));
      return;
    }
    void message.success(t('coupons.whitelist.removed'));
    setReloadKey((k) => k + 1);
  }

  const columns: ColumnsType<Row> = [
    { key: 'customer', title: t('coupons.columns.customer'), render: (_, r) => (r.customer ? customerLabel(r.customer) : r.customerID) },
    {
      key: 'type',
      title: t('customers.columns.associationType'),
      width: 140,
      render: (_, r) => (r.customer?.associationType ? t(`customers.associationType.${r.customer.associationType}`) : '-'),
    },
    { key: 'addedAt', title: t('coupons.whitelist.addedAt'), width: 170, render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD HH:mm') },
    {
      key: 'actions',
      title: t('coupons.columns.actions'),
      width: 100,
      render: (_, r) => (
        <Popconfirm title={t('coupons.whitelist.removeConfirm')} onConfirm={() => removeOne(r)} okButtonProps={{ 'data-testid': 'whitelist-remove-confirm' } as ButtonProps}>
          <Button size="small" danger data-testid="whitelist-remove">
            {t('coupons.whitelist.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('coupons.whitelist.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('coupons.whitelist.intro')}</Typography.Text>
          </div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="whitelist-add">
            {t('coupons.whitelist.add')}
          </Button>
        </Flex>
        {list.error && <Alert type="error" showIcon title={t('coupons.common.loadFailed', { message: errorMessage(list.error, t('errors.network')) })} />}
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          onRow={(r) => ({ 'data-testid': 'whitelist-row', 'data-customer': r.customerID }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: t('coupons.whitelist.empty') }}
          pagination={tablePagination(list, { showTotal: (n) => t('coupons.common.total', { count: n }) })}
        />
      </Flex>
      {adding && <AddDialog onClose={() => setAdding(false)} onDone={() => setReloadKey((k) => k + 1)} />}
    </Card>
  );
}

function AddDialog({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ customerIDs: string[] }>();
  const [{ fetching }, add] = useMutation(AddToWhitelistMutation);
  const [error, setError] = useState<string>();

  async function submit(v: { customerIDs: string[] }) {
    setError(undefined);
    const res = await add({ input: { customerIDs: v.customerIDs } }, WHITELIST_TYPES);
    const refused = res.data?.addToWhitelist.userErrors ?? [];
    if (res.error || !res.data || refused.length) {
      setError(res.error ? describeError(res.error, t) : refused.map((e) => describeRefusal(e, t)).join('; ') || t('errors.generic'));
      return;
    }
    void message.success(t('coupons.whitelist.added', { count: v.customerIDs.length }));
    onDone();
    onClose();
  }

  return (
    <Modal
      open
      title={t('coupons.whitelist.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ 'data-testid': 'whitelist-add-submit' } as ButtonProps}
      confirmLoading={fetching}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="customerIDs"
          label={t('coupons.issue.customers')}
          rules={[
            { required: true, message: t('coupons.issue.customersRequired') },
            { type: 'array', max: MAX_BATCH, message: t('coupons.issue.customersTooMany', { max: MAX_BATCH }) },
          ]}
        >
          <CustomerPicker multiple testId="whitelist-customers" />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
