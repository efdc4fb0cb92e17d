import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { canDecide, toEventWhere } from './decide';

const request = { kind: 'DISASSOCIATION_REQUESTED', status: 'PENDING' } as const;

describe('canDecide', () => {
  it('lets the partner decide the customer’s requests', () => {
    expect(canDecide({ ...request, initiator: 'CUSTOMER' }, 'PARTNER_ADMIN')).toBe(true);
    expect(canDecide({ ...request, initiator: 'CUSTOMER' }, 'CUSTOMER_MANAGER')).toBe(true);
    expect(canDecide({ ...request, initiator: 'PARTNER' }, 'PARTNER_ADMIN')).toBe(false);
    expect(canDecide({ ...request, initiator: 'CUSTOMER' }, 'SUPERVISOR')).toBe(false);
  });
  it('lets the customer decide its partner’s requests', () => {
    expect(canDecide({ ...request, initiator: 'PARTNER' }, 'CUSTOMER')).toBe(true);
    expect(canDecide({ ...request, initiator: 'CUSTOMER' }, 'CUSTOMER')).toBe(false);
  });
  it('only for pending requests', () => {
    expect(canDecide({ ...request, status: 'APPROVED', initiator: 'CUSTOMER' }, 'PARTNER_ADMIN')).toBe(false);
    expect(canDecide({ kind: 'ASSOCIATED', status: 'PENDING', initiator: 'CUSTOMER' }, 'PARTNER_ADMIN')).toBe(false);
  });
});

describe('toEventWhere', () => {
  it('sends status, kind and whole local days', () => {
    expect(toEventWhere({})).toBeUndefined();
    const w = toEventWhere({ status: 'PENDING', kind: 'DISASSOCIATION_REQUESTED', from: '2026-02-01', to: '2026-02-02' });
    expect(w?.status).toBe('PENDING');
    expect(w?.kind).toBe('DISASSOCIATION_REQUESTED');
    expect(dayjs(w?.createdAtGTE).valueOf()).toBe(dayjs('2026-02-01T00:00:00').valueOf());
    expect(dayjs(w?.createdAtLTE).valueOf()).toBe(dayjs('2026-02-02T23:59:59').valueOf());
  });
});
