import { describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { CombinedError, Provider, type Client, type GraphQLRequest } from 'urql';
import { GraphQLError } from 'graphql';
import { fromValue } from 'wonka';
import { RevealSensitiveMutation } from '../components/Sensitive';
import { useVerifiedMutation } from './stepUp';

function Harness() {
  const { run, prompt } = useVerifiedMutation(RevealSensitiveMutation);
  const [value, setValue] = useState('');
  return (
    <>
      <button
        onClick={async () => {
          const { result, cancelled } = await run((verificationCode) => ({
            input: { id: 'cus_1', field: 'MOBILE', reason: 'k1', verificationCode: verificationCode ?? null },
          }));
          setValue(cancelled ? 'cancelled' : (result.data?.revealSensitive.value ?? 'error'));
        }}
      >
        go
      </button>
      <output>{value}</output>
      {prompt}
    </>
  );
}

function mockClient(answer: (variables: Record<string, unknown>) => { data?: unknown; error?: CombinedError }) {
  const calls: Record<string, unknown>[] = [];
  const client = {
    executeMutation: vi.fn((request: GraphQLRequest) => {
      const variables = request.variables as Record<string, unknown>;
      calls.push(variables);
      return fromValue({ operation: { ...request, kind: 'mutation', context: {} }, ...answer(variables), stale: false, hasNext: false });
    }),
  } as unknown as Client;
  return { client, calls };
}

const verificationRequired = (message: string) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code: 'VERIFICATION_REQUIRED' } })] });

describe('useVerifiedMutation', () => {
  it('asks for a code on VERIFICATION_REQUIRED and retries with the same variables plus the code', async () => {
    const { client, calls } = mockClient((v) => {
      const input = v.input as { verificationCode: string | null };
      if (input.verificationCode === '123456') return { data: { revealSensitive: { id: 'cus_1', field: 'MOBILE', value: '0086-13912345678' } } };
      return { error: verificationRequired('needs a code') };
    });
    render(
      <AntApp>
        <Provider value={client}>
          <Harness />
        </Provider>
      </AntApp>,
    );
    await userEvent.click(screen.getByText('go'));
    const input = await screen.findByTestId('verification-code');
    expect(screen.getByText('needs a code')).toBeTruthy();
    await userEvent.type(input, '123456');
    await userEvent.click(screen.getByTestId('verification-submit'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('0086-13912345678'));
    expect(calls).toHaveLength(2);
    expect(calls[0]).toEqual({ input: { id: 'cus_1', field: 'MOBILE', reason: 'k1', verificationCode: null } });
    expect(calls[1]).toEqual({ input: { id: 'cus_1', field: 'MOBILE', reason: 'k1', verificationCode: '123456' } });
  });

  it('reports a cancelled prompt', async () => {
    const { client, calls } = mockClient(() => ({ error: verificationRequired('needs a code') }));
    render(
      <AntApp>
        <Provider value={client}>
          <Harness />
        </Provider>
      </AntApp>,
    );
    await userEvent.click(screen.getByText('go'));
    await screen.findByTestId('verification-code');
    await userEvent.click(screen.getByRole('button', { name: /取\s*消/ }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('cancelled'));
    expect(calls).toHaveLength(1);
  });
});
