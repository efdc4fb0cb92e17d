import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { MoneyMoveDialog, type MoveRequest, type MoveResult } from './MoneyMoveDialog';

const verificationRequired = () =>
  new CombinedError({ graphQLErrors: [new GraphQLError('a code is required', { extensions: { code: 'VERIFICATION_REQUIRED' } })] });

function setup(answer: (r: MoveRequest) => MoveResult, maxAmount?: string) {
  const requests: MoveRequest[] = [];
  const onDone = vi.fn();
  const run = vi.fn(async (r: MoveRequest) => {
    requests.push(r);
    return answer(r);
  });
  render(
    <AntApp>
      <MoneyMoveDialog open title="move" run={run} onDone={onDone} onCancel={() => {}} maxAmount={maxAmount} testId="move" />
    </AntApp>,
  );
  return { requests, onDone, run };
}

const posted: MoveResult = { payload: { journal: { id: 'jnl_1', transactionNo: 'T1', amount: '10.00', customerID: null }, userErrors: [] } };

describe('MoneyMoveDialog', () => {
  it('sends the amount as a Decimal and reports the transaction', async () => {
    const { requests, onDone } = setup(() => posted);
    await userEvent.type(screen.getByTestId('move-amount'), '.5');
    await userEvent.click(screen.getByTestId('move-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('T1'));
    expect(requests).toHaveLength(1);
    expect(requests[0].amount).toBe('0.50');
    expect(requests[0].verificationCode).toBeUndefined();
  });

  it('asks for a code on VERIFICATION_REQUIRED and retries with the same key', async () => {
    const { requests, onDone } = setup((r) => (r.verificationCode === '123456' ? posted : { error: verificationRequired() }));
    await userEvent.type(screen.getByTestId('move-amount'), '10');
    await userEvent.click(screen.getByTestId('move-submit'));
    const code = await screen.findByTestId('verification-code');
    expect(screen.getByTestId('verification-problem').textContent).toContain('a code is required');
    await userEvent.type(code, '123 456');
    await userEvent.click(screen.getByTestId('verification-submit'));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith('T1'));
    expect(requests.map((r) => r.verificationCode)).toEqual([undefined, '123456']);
    expect(requests[1].idempotencyKey).toBe(requests[0].idempotencyKey);
    expect(requests[1].amount).toBe('10.00');
  });

  it('shows the userErrors with their codes', async () => {
    setup(() => ({ payload: { journal: null, userErrors: [{ field: ['amount'], code: 'INSUFFICIENT_BALANCE', message: 'not enough' }] } }));
    await userEvent.type(screen.getByTestId('move-amount'), '99');
    await userEvent.click(screen.getByTestId('move-submit'));
    expect((await screen.findByTestId('move-error')).textContent).toContain('not enough (INSUFFICIENT_BALANCE)');
  });

  it('refuses locally more than the maximum, before any request', async () => {
    const { run } = setup(() => posted, '100.50');
    await userEvent.type(screen.getByTestId('move-amount'), '100.51');
    await userEvent.click(screen.getByTestId('move-submit'));
    await screen.findByText('金额不能超过可回收余额 100.50');
    expect(run).not.toHaveBeenCalled();
  });
});
