// One customer: personal fields (masked, with eye buttons), association, balances, actions, history.
import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Descriptions, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CustomerDetailQuery } from '../queries';
import { Sensitive } from '../../../shared/components/Sensitive';
import { describeError } from '../../../shared/graphql/errorInfo';
import { CUSTOMERS_PATH } from '../../../app/paths';
import { useViewer } from '../../auth/viewer';
import { customerPermissions } from '../permissions';
import { AssociationTypeTag } from '../components/AssociationTypeTag';
import { CustomerActions } from '../components/CustomerActions';
import { AssociationHistory, JournalHistory, ManagerHistory } from '../components/CustomerHistory';
import { EditLabelDialog } from '../components/EditLabelDialog';
import { Money } from '../../../shared/components/Money';

const time = (v: string | null | undefined) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '-');

export function CustomerDetailView() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const viewer = useViewer();
  const can = customerPermissions(viewer.role);
  const [{ data, fetching, error }, refetch] = useQuery({ query: CustomerDetailQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);

  const customer = data?.node?.__typename === 'Customer' ? data.node : undefined;
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    setReloadKey((k) => k + 1);
  };

  const header = (
    <Breadcrumb
      items={[{ title: <Link to={CUSTOMERS_PATH}>{t('customers.title')}</Link> }, { title: customer?.accountName ?? t('customers.detail.title') }]}
    />
  );

  if (!customer) {
    if (fetching || (!data && !error)) {
      return (
        <Card>
          {header}
          <Skeleton active style={{ marginTop: 16 }} />
        </Card>
      );
    }
    if (error) {
      return (
        <Card>
          {header}
          <Alert type="error" showIcon title={describeError(error, t)} style={{ marginTop: 16 }} />
        </Card>
      );
    }
    return (
      <Card>
        {header}
        <Result status="404" title={t('customers.detail.notFound')} />
      </Card>
    );
  }

  const sensitive = (field: 'NAME' | 'ACCOUNT_NAME' | 'MOBILE' | 'EMAIL', value: string) => (
    <Sensitive customerId={customer.id} field={field} value={value} revealable={can.reveal} reason="customer detail" />
  );

  return (
    <Flex vertical gap={16}>
      <Card>
        <Flex vertical gap={16}>
          {header}
          <Flex justify="space-between" align="center" wrap gap={12}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-detail-title">
              {customer.name} <AssociationTypeTag type={customer.associationType} frozen={customer.frozen} />
            </Typography.Title>
            <CustomerActions customer={customer} can={can} onChanged={reload} />
          </Flex>
          {error && <Alert type="error" showIcon title={describeError(error, t)} />}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="customer-fields">
            <Descriptions.Item label={t('customers.fields.accountName')}>{sensitive('ACCOUNT_NAME', customer.accountName)}</Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.name')}>{sensitive('NAME', customer.name)}</Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.mobile')}>{sensitive('MOBILE', customer.mobile)}</Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.email')}>{sensitive('EMAIL', customer.email)}</Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.region')}>
              {[customer.provinceCode, customer.cityCode].filter(Boolean).join(' / ') || '-'}
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.createdAt')}>{time(customer.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.associationType')}>
              <AssociationTypeTag type={customer.associationType} />
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.partner')}>{customer.partner?.name ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.associatedAt')}>{time(customer.associatedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.manager')}>
              {customer.manager ? `${customer.manager.displayName} (${t('customers.detail.since', { time: time(customer.managerAssignedAt) })})` : '-'}
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.frozen')}>
              {customer.frozen ? <Tag color="red">{t('customers.frozen')}</Tag> : <Tag color="green">{t('customers.notFrozen')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.gracePeriod')}>{t('customers.detail.days', { count: customer.gracePeriodDays })}</Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.allocatedBalance')}>
              <Money value={customer.allocatedBalance} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.ownBalance')}>
              <Money value={customer.ownBalance} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.label')}>
              <span data-testid="customer-label">{customer.label || '-'}</span>
              {can.edit && (
                <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-label-button">
                  {t('common.edit')}
                </Button>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('customers.fields.remark')} span={3}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{customer.remark || '-'}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Flex>
      </Card>
      <Card>
        <Tabs
          key={reloadKey}
          items={[
            { key: 'events', label: t('customers.detail.tabs.events'), children: <AssociationHistory customerId={customer.id} /> },
            { key: 'managers', label: t('customers.detail.tabs.managers'), children: <ManagerHistory customerId={customer.id} /> },
            { key: 'journals', label: t('customers.detail.tabs.journals'), children: <JournalHistory customerId={customer.id} /> },
          ]}
        />
      </Card>
      <EditLabelDialog
        open={editing}
        customerId={customer.id}
        label={customer.label}
        remark={customer.remark}
        onClose={() => setEditing(false)}
        onSaved={reload}
      />
    </Flex>
  );
}
