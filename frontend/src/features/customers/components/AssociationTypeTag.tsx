import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerAssociationType } from '../../../gql/graphql';

const COLORS: Record<CustomerAssociationType, string> = { ADVISORY: 'geekblue', RESALE: 'green' };

/** The customer's current association type, translated; a red tag follows when frozen. */
export function AssociationTypeTag({ type, frozen }: { type: CustomerAssociationType | null | undefined; frozen?: boolean }) {
  const { t } = useTranslation();
  const main = type ? <Tag color={COLORS[type]}>{t(`customers.associationType.${type}`)}</Tag> : <Tag>{t('customers.associationType.none')}</Tag>;
  if (!frozen) return main;
  return (
    <>
      {main}
      <Tag color="red">{t('customers.frozen')}</Tag>
    </>
  );
}
