// Security settings for every signed-in user: authenticator, step-up (partner admins), password.
import { Alert, Button, Flex, Typography } from 'antd';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { SecuritySettingsQuery } from '../queries';
import { TotpCard } from '../components/TotpCard';
import { StepUpCard } from '../components/StepUpCard';
import { PasswordCard } from '../components/PasswordCard';
import { errorMessage } from '../../../shared/graphql/errors';
import { PageLoading } from '../../../shared/components/PageLoading';

export function SecurityView() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SecuritySettingsQuery, requestPolicy: 'cache-and-network' });
  const reload = () => refetch({ requestPolicy: 'network-only' });

  if (!data?.viewer) {
    if (fetching) return <PageLoading />;
    return (
      <Alert
        type="error"
        showIcon
        title={t('secCommon.loadFailed', { message: error ? errorMessage(error, t('errors.network')) : t('errors.generic') })}
        action={<Button onClick={reload}>{t('secCommon.retry')}</Button>}
      />
    );
  }
  const { viewer } = data;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 880 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('security.title')}
      </Typography.Title>
      <TotpCard enabled={viewer.user.totpEnabled} onChanged={reload} />
      {viewer.role === 'PARTNER_ADMIN' && viewer.partner && (
        <StepUpCard required={viewer.partner.requireStepUp} totpEnabled={viewer.user.totpEnabled} onChanged={reload} />
      )}
      <PasswordCard />
    </Flex>
  );
}
