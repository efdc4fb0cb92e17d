// A distributor's voucher quota for its cloud resellers: its own voucher quotas, the batch issue
// to resellers, and the quotas issued to them with a reclaim action.
import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../auth/viewer';
import { NoAccess } from '../../../shared/components/NoAccess';
import { usePagedConnection } from '../../../shared/graphql/usePagedConnection';
import { errorMessage } from '../../../shared/graphql/errors';
import { CouponQuotasQuery } from '../queries';
import { QuotaTable, type QuotaRow } from '../components/QuotaTable';
import { IssueQuotaDialog } from '../components/IssueQuotaDialog';
import { ReclaimQuotaDialog } from '../components/ReclaimQuotaDialog';
import { useReload } from '../useReload';

export function ResellerQuotasView() {
  const viewer = useViewer();
  if (viewer.role !== 'PARTNER_ADMIN' || viewer.partner?.kind !== 'DISTRIBUTOR') return <NoAccess />;
  return <ResellerQuotas partnerID={viewer.partner.id} />;
}

function ResellerQuotas({ partnerID }: { partnerID: string }) {
  const { t } = useTranslation();
  const [issuing, setIssuing] = useState(false);
  const [reclaiming, setReclaiming] = useState<QuotaRow | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const own = usePagedConnection({
    query: CouponQuotasQuery,
    variables: { where: { partnerID, kind: 'VOUCHER' } },
    select: (d) => d.couponQuotas,
    requestPolicy: 'cache-and-network',
  });
  const issued = usePagedConnection({
    query: CouponQuotasQuery,
    variables: { where: { partnerIDNEQ: partnerID, parentQuotaIDNotNil: true } },
    select: (d) => d.couponQuotas,
    requestPolicy: 'cache-and-network',
  });
  useReload(reloadKey, own.refresh);
  useReload(reloadKey, issued.refresh);
  const error = own.error ?? issued.error;
  const reload = () => setReloadKey((k) => k + 1);

  return (
    <Card>
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="start" wrap gap={16}>
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('coupons.resellerQuotas.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('coupons.resellerQuotas.intro')}</Typography.Text>
          </div>
          <Button type="primary" icon={<SendOutlined />} onClick={() => setIssuing(true)} data-testid="quota-issue">
            {t('coupons.resellerQuotas.issue')}
          </Button>
        </Flex>
        {error && <Alert type="error" showIcon title={t('coupons.common.loadFailed', { message: errorMessage(error, t('errors.network')) })} />}
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('coupons.resellerQuotas.own')}
        </Typography.Title>
        <QuotaTable list={own} testId="own-quota-row" showRecords />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('coupons.resellerQuotas.issued')}
        </Typography.Title>
        <QuotaTable
          list={issued}
          showPartner
          showRecords
          testId="reseller-quota-row"
          empty={t('coupons.resellerQuotas.empty')}
          actionsWidth={100}
          // a reclaimed quota may be reclaimed again: what its coupons returned since comes back
          actions={(q) => (
            <Button size="small" danger onClick={() => setReclaiming(q)} data-testid="quota-reclaim">
              {t('coupons.resellerQuotas.reclaim')}
            </Button>
          )}
        />
      </Flex>
      {issuing && <IssueQuotaDialog quotas={own.rows} onClose={() => setIssuing(false)} onDone={reload} />}
      {reclaiming && <ReclaimQuotaDialog quota={reclaiming} onClose={() => setReclaiming(null)} onDone={reload} />}
    </Card>
  );
}
