import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Provider, type Client } from 'urql';
import { fromValue } from 'wonka';
import type { BackgroundJobsQuery } from '../../../gql/graphql';
import { BackgroundJobsView } from './BackgroundJobsView';

type Job = BackgroundJobsQuery['backgroundJobs'][number];

const job = (id: string, over: Partial<Job> = {}): Job => ({
  id,
  kind: 'expire_coupons',
  state: 'COMPLETED',
  queue: 'default',
  attempt: 1,
  maxAttempts: 5,
  attemptedBy: ['instance-a'],
  createdAt: '2026-12-07T10:00:00Z',
  scheduledAt: '2026-12-07T10:00:00Z',
  attemptedAt: '2026-12-07T10:00:01Z',
  finalizedAt: '2026-12-07T10:00:02Z',
  lastError: null,
  errorCount: 0,
  argsBytes: 2,
  ...over,
});

function renderView(jobs: Job[]) {
  const executeQuery = vi.fn(() => fromValue({ data: { backgroundJobs: jobs } }));
  render(
    <Provider value={{ executeQuery } as unknown as Client}>
      <BackgroundJobsView />
    </Provider>,
  );
  return { executeQuery };
}

describe('BackgroundJobsView', () => {
  it('shows each job with its state, attempts, instance and last error', async () => {
    renderView([
      job('2', {
        state: 'RETRYABLE',
        attempt: 2,
        attemptedBy: ['instance-a', 'instance-b'],
        finalizedAt: null,
        lastError: { attempt: 2, at: '2026-12-07T10:05:00Z', message: 'database is locked' },
        errorCount: 2,
      }),
      job('1'),
    ]);
    const rows = await screen.findAllByTestId('job-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByTestId('job-state').dataset.state).toBe('RETRYABLE');
    expect(within(rows[0]).getByTestId('job-state').textContent).toBe('待重试');
    expect(within(rows[0]).getByTestId('job-attempts').textContent).toBe('2/5');
    expect(rows[0].textContent).toContain('instance-b');
    expect(within(rows[0]).getByTestId('job-error').textContent).toBe('database is locked');
    expect(within(rows[1]).getByTestId('job-state').textContent).toBe('已完成');
    expect(within(rows[1]).queryByTestId('job-error')).toBeNull();
  });

  it('asks again from the server on refresh', async () => {
    const { executeQuery } = renderView([job('1')]);
    await screen.findAllByTestId('job-row');
    const before = executeQuery.mock.calls.length;
    await userEvent.setup().click(screen.getByTestId('jobs-refresh'));
    expect(executeQuery.mock.calls.length).toBeGreaterThan(before);
    const last = executeQuery.mock.calls.at(-1) as unknown as [unknown, { requestPolicy?: string }];
    expect(last[1]?.requestPolicy).toBe('network-only');
  });
});
