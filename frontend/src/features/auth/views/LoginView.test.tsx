import { describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { CombinedError, Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import i18n from '../../../i18n';
import { LoginView } from './LoginView';

function renderLogin(result: object) {
  const executeMutation = vi.fn(() => fromValue(result));
  const client = { executeMutation } as unknown as Client;
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginView /> },
      { path: '/customers', element: <div>customers page</div> },
    ],
    { initialEntries: ['/login'] },
  );
  render(
    <Provider value={client}>
      <RouterProvider router={router} />
    </Provider>,
  );
  return { executeMutation, router };
}

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByTestId('login-email'), email);
  await user.type(screen.getByTestId('login-password'), password);
  await user.click(screen.getByTestId('login-submit'));
}

describe('LoginView', () => {
  it('renders in Chinese with the demo hint', () => {
    renderLogin({});
    expect(screen.getByText('登录伙伴中心')).toBeTruthy();
    expect(screen.getByTestId('demo-hint').textContent).toContain('sp.admin@example.com / Demo@12345');
  });

  it('follows the language switch', async () => {
    renderLogin({});
    await i18n.changeLanguage('en');
    expect(await screen.findByText('Sign in to Partner Center')).toBeTruthy();
    expect(screen.getByTestId('demo-hint').textContent).toBe('Demo: sp.admin@example.com / Demo@12345');
  });

  it('does not submit an empty form', async () => {
    const { executeMutation } = renderLogin({});
    await userEvent.setup().click(screen.getByTestId('login-submit'));
    expect(await screen.findByText('请输入邮箱')).toBeTruthy();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('logs in and goes to the customers page', async () => {
    const { executeMutation, router } = renderLogin({
      data: { login: { viewer: { role: 'PARTNER_ADMIN', user: { id: 'u1', displayName: 'Admin' } }, userErrors: [] } },
    });
    await fillAndSubmit(' sp.admin@example.com ', 'Demo@12345');
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers'));
    const calls = executeMutation.mock.calls as unknown as [{ variables: unknown }][];
    expect(calls[0][0].variables).toEqual({ email: 'sp.admin@example.com', password: 'Demo@12345' });
    expect(await screen.findByText('customers page')).toBeTruthy();
  });

  it("shows the server's message on wrong credentials and stays", async () => {
    const error = new CombinedError({
      graphQLErrors: [{ message: '邮箱或密码错误', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    const { router } = renderLogin({ error });
    await fillAndSubmit('sp.admin@example.com', 'wrong');
    expect(await screen.findByTestId('login-error')).toBeTruthy();
    expect(screen.getByText('邮箱或密码错误')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
  });
});
