import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shown on a page the viewer's role or partner kind may not open. */
export function NoAccess() {
  const { t } = useTranslation();
  return <Result status="403" title="403" subTitle={t('secCommon.noAccess')} data-testid="no-access" />;
}
