// 券管理 for partner staff: quotas (a distributor also sees its resellers'), issued coupons with
// reclaim, and the issue/reclaim records; the batch issue dialog.
import { useState } from 'react';
import { Alert, Button, Card, Flex, Tabs, Typography } from 'antd';
import { GiftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../auth/viewer';
import { NoAccess } from '../../../shared/components/NoAccess';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { errorMessage } from '../../../shared/graphql/errors';
import { CouponQuotasQuery } from '../queries';
import { couponPermissions } from '../permissions';
import { QuotaTable } from '../components/QuotaTable';
import { IssuedCouponsTab } from '../components/IssuedCouponsTab';
import { RecordsTab } from '../components/RecordsTab';
import { IssueCouponsDialog } from '../components/IssueCouponsDialog';
import { useReload } from '../useReload';

const NO_VARS = {};

function QuotasTab({ showPartner, showRecords, reloadKey }: { showPartner: boolean; showRecords: boolean; reloadKey: number }) {
  const { t } = useTranslation();
  const list = usePagedConnection({ query: CouponQuotasQuery, variables: NO_VARS, select: (d) => d.couponQuotas, requestPolicy: 'cache-and-network' });
  useReload(reloadKey, list.refresh);
  return (
    <Flex vertical gap={16}>
      {list.error && <Alert type="error" showIcon title={t('coupons.common.loadFailed', { message: errorMessage(list.error, t('errors.network')) })} />}
      <QuotaTable list={list} showPartner={showPartner} showRecords={showRecords} />
    </Flex>
  );
}

export function CouponsView() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const can = couponPermissions(viewer.role, viewer.partner?.kind);
  const [tab, setTab] = useState('quotas');
  const [issuing, setIssuing] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  if (!can.view) return <NoAccess />;
  const showPartner = viewer.partner?.kind === 'DISTRIBUTOR' || viewer.role === 'PLATFORM_OPERATOR';

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('coupons.page.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('coupons.page.intro')}</Typography.Text>
          </div>
          {can.issue && viewer.partner && (
            <Button type="primary" icon={<GiftOutlined />} onClick={() => setIssuing(true)} data-testid="coupon-issue">
              {t('coupons.page.issue')}
            </Button>
          )}
        </Flex>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden={false}
          items={[
            { key: 'quotas', label: <span data-testid="tab-quotas">{t('coupons.page.tabQuotas')}</span>, children: <QuotasTab showPartner={showPartner} showRecords={can.records} reloadKey={reloadKey} /> },
            {
              key: 'coupons',
              label: <span data-testid="tab-coupons">{t('coupons.page.tabCoupons')}</span>,
              children: <IssuedCouponsTab canReclaim={can.issue} reloadKey={reloadKey} />,
            },
            ...(can.records
              ? [{ key: 'records', label: <span data-testid="tab-records">{t('coupons.page.tabRecords')}</span>, children: <RecordsTab reloadKey={reloadKey} /> }]
              : []),
          ]}
        />
      </Flex>
      {issuing && viewer.partner && (
        <IssueCouponsDialog
          partnerID={viewer.partner.id}
          partnerKind={viewer.partner.kind}
          onClose={() => setIssuing(false)}
          onDone={() => {
            setReloadKey((k) => k + 1);
            setTab('coupons');
          }}
        />
      )}
    </Card>
  );
}
