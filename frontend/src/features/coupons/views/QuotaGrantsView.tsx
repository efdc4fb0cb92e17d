// The platform operator's quota grants: every quota, grant, adjust, set status.
import { useState } from 'react';
import { Alert, Button, Card, Flex, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../auth/viewer';
import { NoAccess } from '../../../shared/components/NoAccess';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { errorMessage } from '../../../shared/graphql/errors';
import { CouponGrantPartnersQuery, CouponQuotasQuery } from '../queries';
import { QuotaTable, type QuotaRow } from '../components/QuotaTable';
import { AdjustQuotaDialog, GrantQuotaDialog, QuotaStatusDialog } from '../components/GrantDialogs';
import { useReload } from '../useReload';

export function QuotaGrantsView() {
  const viewer = useViewer();
  if (viewer.role !== 'PLATFORM_OPERATOR') return <NoAccess />;
  return <QuotaGrants />;
}

function QuotaGrants() {
  const { t } = useTranslation();
  const [partnerID, setPartnerID] = useState<string>();
  const [dialog, setDialog] = useState<{ kind: 'grant' } | { kind: 'adjust' | 'status'; quota: QuotaRow } | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const [partners] = useQuery({ query: CouponGrantPartnersQuery });
  const list = usePagedConnection({
    query: CouponQuotasQuery,
    variables: { where: partnerID ? { partnerID } : undefined },
    select: (d) => d.couponQuotas,
    requestPolicy: 'cache-and-network',
  });
  useReload(reloadKey, list.refresh);
  const reload = () => setReloadKey((k) => k + 1);
  const platformGrant = (q: QuotaRow) => !q.parentQuotaID;

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('coupons.grants.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('coupons.grants.intro')}</Typography.Text>
          </div>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'grant' })} data-testid="grant-open">
            {t('coupons.grants.grant')}
          </Button>
        </Flex>
        <Space>
          <Typography.Text>{t('coupons.grants.filterPartner')}</Typography.Text>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 240 }}
            placeholder={t('coupons.common.all')}
            value={partnerID}
            onChange={setPartnerID}
            options={(partners.data?.partners.edges ?? []).flatMap((e) => (e?.node ? [{ value: e.node.id, label: e.node.name }] : []))}
          />
        </Space>
        {list.error && <Alert type="error" showIcon title={t('coupons.common.loadFailed', { message: errorMessage(list.error, t('errors.network')) })} />}
        <QuotaTable
          list={list}
          showPartner
          showRecords
          actionsWidth={170}
          actions={(q) =>
            platformGrant(q) && q.status !== 'INVALID' && q.status !== 'RECLAIMED' ? (
              <Space>
                <Button size="small" onClick={() => setDialog({ kind: 'adjust', quota: q })} data-testid="quota-adjust">
                  {t('coupons.grants.adjust')}
                </Button>
                <Button size="small" onClick={() => setDialog({ kind: 'status', quota: q })} data-testid="quota-set-status">
                  {t('coupons.grants.setStatus')}
                </Button>
              </Space>
            ) : (
              '-'
            )
          }
        />
      </Flex>
      {dialog?.kind === 'grant' && <GrantQuotaDialog onClose={() => setDialog(null)} onDone={reload} />}
      {dialog?.kind === 'adjust' && <AdjustQuotaDialog quota={dialog.quota} onClose={() => setDialog(null)} onDone={reload} />}
      {dialog?.kind === 'status' && <QuotaStatusDialog quota={dialog.quota} onClose={() => setDialog(null)} onDone={reload} />}
    </Card>
  );
}
