// Association events' kind and status as tags (a customer's history, the association records page).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AssociationEventKind, AssociationEventStatus } from '../../gql/graphql';

const STATUS_COLORS: Record<AssociationEventStatus, string> = { PENDING: 'processing', APPROVED: 'success', REJECTED: 'error', DONE: 'default' };

export function EventKindTag({ kind }: { kind: AssociationEventKind }) {
  const { t } = useTranslation();
  return <Tag>{t(`events.kind.${kind}`)}</Tag>;
}

export function EventStatusTag({ status }: { status: AssociationEventStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="event-status" data-status={status}>
      {t(`events.status.${status}`)}
    </Tag>
  );
}
