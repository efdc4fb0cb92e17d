import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import { EditLabelDialog } from './EditLabelDialog';

function renderDialog(result: object) {
  const executeMutation = vi.fn(() => fromValue(result));
  const onSaved = vi.fn();
  const onClose = vi.fn();
  render(
    <Provider value={{ executeMutation } as unknown as Client}>
      <App>
        <EditLabelDialog open customerId="cus_1" label="old" onClose={onClose} onSaved={onSaved} />
      </App>
    </Provider>,
  );
  return { executeMutation, onSaved, onClose };
}

describe('EditLabelDialog', () => {
  it('shows a refusal from userErrors and stays open', async () => {
    const { onSaved, onClose } = renderDialog({
      data: {
        updateCustomer: {
          customer: null,
          userErrors: [{ field: ['input', 'label'], code: 'BAD_USER_INPUT', message: 'a label has at most 50 characters' }],
        },
      },
    });
    await userEvent.setup().click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText(/a label has at most 50 characters/)).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('saves and closes when there is no refusal', async () => {
    const { onSaved, onClose, executeMutation } = renderDialog({
      data: { updateCustomer: { customer: { id: 'cus_1', label: 'new', remark: null }, userErrors: [] } },
    });
    await userEvent.setup().click(screen.getByRole('button', { name: /保\s*存/ }));
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(onClose).toHaveBeenCalled();
    const calls = executeMutation.mock.calls as unknown as [{ variables: unknown }][];
    expect(calls[0][0].variables).toEqual({ input: { id: 'cus_1', label: 'old', remark: '' } });
  });
});
