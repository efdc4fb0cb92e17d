import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import type { CouponRowFieldsFragment } from '../../../gql/graphql';
import { ReclaimCouponsDialog } from './ReclaimCouponsDialog';

const coupon = (id: string, balance: string, status: CouponRowFieldsFragment['status'] = 'USABLE'): CouponRowFieldsFragment => ({
  id,
  createdAt: '2026-12-07T10:00:00Z',
  kind: 'VOUCHER',
  quotaID: 'cqt_1',
  customerID: `cus_${id}`,
  faceValue: '200.00',
  balance,
  validFrom: '2026-12-01T00:00:00Z',
  validUntil: '2027-12-01T00:00:00Z',
  status,
  designatedCustomerID: null,
  remark: null,
  issuerName: 'Demo SP',
  customer: { id: `cus_${id}`, accountName: `de***${id}`, name: '李*' },
  limits: [],
});

function renderDialog(coupons: CouponRowFieldsFragment[], result: object) {
  const executeMutation = vi.fn(() => fromValue(result));
  const onDone = vi.fn();
  render(
    <Provider value={{ executeMutation } as unknown as Client}>
      <App>
        <ReclaimCouponsDialog coupons={coupons} onClose={vi.fn()} onDone={onDone} />
      </App>
    </Provider>,
  );
  return { executeMutation, onDone };
}

const confirm = () => userEvent.setup().click(screen.getByTestId('reclaim-submit'));

describe('ReclaimCouponsDialog', () => {
  it('shows the amount actually reclaimed per coupon and the total', async () => {
    const { onDone, executeMutation } = renderDialog([coupon('01', '150.00'), coupon('02', '200.00')], {
      data: {
        reclaimCoupons: {
          reclaims: [
            { amount: '150.00', coupon: { id: '01', status: 'RECLAIMED', balance: '0.00' } },
            { amount: '200.00', coupon: { id: '02', status: 'RECLAIMED', balance: '0.00' } },
          ],
          total: '350.00',
          results: [
            { id: '01', ok: true, code: null, reason: null, message: null },
            { id: '02', ok: true, code: null, reason: null, message: null },
          ],
          userErrors: [],
        },
      },
    });
    await confirm();
    const results = await screen.findByTestId('reclaim-results');
    expect(within(results).getAllByTestId('reclaim-amount').map((e) => e.textContent)).toEqual(['¥150.00', '¥200.00']);
    expect(screen.getByTestId('reclaim-total').textContent).toContain('¥350.00');
    expect(onDone).toHaveBeenCalled();
    const calls = executeMutation.mock.calls as unknown as [{ variables: { input: { couponIDs: string[] }; idempotencyKey: string } }][];
    expect(calls[0][0].variables.input.couponIDs).toEqual(['01', '02']);
    expect(calls[0][0].variables.idempotencyKey).toMatch(/\S{8,}/);
  });

  it('shows a refusal with the per-coupon answers and reclaims nothing', async () => {
    const { onDone } = renderDialog([coupon('01', '150.00')], {
      data: {
        reclaimCoupons: {
          reclaims: [],
          total: '0.00',
          results: [{ id: '01', ok: false, code: 'BAD_USER_INPUT', reason: 'HELD_BY_ORDER', message: 'an order holds this coupon' }],
          userErrors: [{ field: ['input', 'couponIDs'], code: 'BATCH_REFUSED', message: 'nothing was done' }],
        },
      },
    });
    await confirm();
    expect(await screen.findByTestId('reclaim-error')).toBeTruthy();
    expect(screen.getByTestId('batch-results').textContent).toContain('an order holds this coupon');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('does not send coupons that are not usable', async () => {
    const { executeMutation } = renderDialog([coupon('01', '0.00', 'RECLAIMED')], { data: null });
    expect((screen.getByTestId('reclaim-submit') as HTMLButtonElement).disabled).toBe(true);
    expect(executeMutation).not.toHaveBeenCalled();
  });
});
