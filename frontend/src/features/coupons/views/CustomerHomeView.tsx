// A customer user's landing page (我的账户): its balances and its usable coupons.
import { Alert, Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CustomerHomeQuery, MyCouponsQuery } from '../queries';
import { useViewer } from '../../auth/viewer';
import { NoAccess } from '../../../shared/components/NoAccess';
import { errorMessage } from '../../../shared/graphql/errors';
import { formatMoney, fromFen, toFen } from '../../../shared/money/money';
import { MY_COUPONS_PATH } from '../../../app/paths';
import { MyCouponsTable } from '../components/MyCouponsTable';

export function CustomerHomeView() {
  const viewer = useViewer();
  if (viewer.role !== 'CUSTOMER') return <NoAccess />;
  return <CustomerHome />;
}

function CustomerHome() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [home] = useQuery({ query: CustomerHomeQuery, requestPolicy: 'cache-and-network' });
  const [coupons] = useQuery({ query: MyCouponsQuery, variables: { status: 'USABLE' }, requestPolicy: 'cache-and-network' });
  const customer = home.data?.viewer?.customer;
  const usable = coupons.data?.myCoupons ?? [];
  const couponTotal = usable.reduce((sum, c) => sum + (toFen(c.balance) ?? 0n), 0n);
  const error = home.error ?? coupons.error;

  return (
    <Flex vertical gap={16}>
      <Card loading={home.fetching && !home.data}>
        {customer ? (
          <Flex vertical gap={16}>
            <div>
              <Typography.Title level={4} style={{ margin: 0 }} data-testid="customer-home-title">
                {t('coupons.home.welcome', { name: customer.name })}
              </Typography.Title>
              <Typography.Text type="secondary">
                {customer.partner ? t('coupons.home.partner', { name: customer.partner.name }) : t('coupons.home.noPartner')}
              </Typography.Text>
            </div>
            <Row gutter={[16, 16]}>
              <Col xs={24} sm={12} lg={6}>
                <Statistic title={t('coupons.home.allocated')} value={customer.allocatedBalance} formatter={() => <span data-testid="home-allocated">{formatMoney(customer.allocatedBalance, { symbol: true })}</span>} />
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Statistic title={t('coupons.home.own')} value={customer.ownBalance} formatter={() => <span data-testid="home-own">{formatMoney(customer.ownBalance, { symbol: true })}</span>} />
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Statistic title={t('coupons.home.usableCoupons')} value={usable.length} loading={coupons.fetching && !coupons.data} />
              </Col>
              <Col xs={24} sm={12} lg={6}>
                <Statistic title={t('coupons.home.couponBalance')} value={fromFen(couponTotal)} formatter={() => formatMoney(fromFen(couponTotal), { symbol: true })} loading={coupons.fetching && !coupons.data} />
              </Col>
            </Row>
          </Flex>
        ) : (
          !home.fetching && <Typography.Text type="secondary">{t('coupons.home.noCustomer')}</Typography.Text>
        )}
      </Card>
      {error && <Alert type="error" showIcon title={t('coupons.common.loadFailed', { message: errorMessage(error, t('errors.network')) })} />}
      <Card
        title={t('coupons.home.coupons')}
        extra={
          <Button type="link" onClick={() => navigate(MY_COUPONS_PATH)} data-testid="home-all-coupons">
            {t('coupons.home.allCoupons')}
          </Button>
        }
      >
        <MyCouponsTable rows={usable} loading={coupons.fetching && !coupons.data} pageSize={5} />
      </Card>
    </Flex>
  );
}
