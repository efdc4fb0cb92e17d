// Which pending disassociation requests the viewer's side decides (DOMAIN.md §2): the customer
// decides its partner's requests; the partner (admin or assigned manager) decides the customer's.
import dayjs from 'dayjs';
import type {
  AssociationEventInitiator,
  AssociationEventKind,
  AssociationEventStatus,
  AssociationEventWhereInput,
  UserRole,
} from '../../gql/graphql';

export interface DecidableEvent {
  kind: AssociationEventKind;
  status: AssociationEventStatus;
  initiator: AssociationEventInitiator;
}

export function canDecide(event: DecidableEvent, role: UserRole): boolean {
  if (event.kind !== 'DISASSOCIATION_REQUESTED' || event.status !== 'PENDING') return false;
  if (role === 'CUSTOMER') return event.initiator === 'PARTNER';
  if (role === 'PARTNER_ADMIN' || role === 'CUSTOMER_MANAGER') return event.initiator === 'CUSTOMER';
  return false;
}

export interface EventFilters {
  status?: AssociationEventStatus;
  kind?: AssociationEventKind;
  /** Local calendar days, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export function toEventWhere(f: EventFilters): AssociationEventWhereInput | undefined {
  const where: AssociationEventWhereInput = {};
  if (f.status) where.status = f.status;
  if (f.kind) where.kind = f.kind;
  if (f.from) where.createdAtGTE = dayjs(f.from).startOf('day').format();
  if (f.to) where.createdAtLTE = dayjs(f.to).endOf('day').format();
  return Object.keys(where).length ? where : undefined;
}
