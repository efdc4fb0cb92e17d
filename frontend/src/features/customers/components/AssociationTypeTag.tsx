import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerAssociationType } from '../../../gql/graphql';

const COLORS: Record<CustomerAssociationType, string> = { ADVISORY: 'geekblue', RESALE: 'green' };

/** The customer's current association type, translated. */
export function AssociationTypeTag({ type }: { type: CustomerAssociationType | null | undefined }) {
  const { t } = useTranslation();
  if (!type) return <Tag>{t('customers.associationType.none')}</Tag>;
  return <Tag color={COLORS[type]}>{t(`customers.associationType.${type}`)}</Tag>;
}
