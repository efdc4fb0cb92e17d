import { describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { cacheExchange, Client, makeResult, Provider, type Exchange, type Operation } from 'urql';
import { delay, empty, filter, fromValue, map, mergeMap, pipe } from 'wonka';
import { AuditLogsQuery } from '../../features/audit/queries';
import type { AuditLogsQuery as AuditLogsData } from '../../gql/graphql';
import { usePagedConnection } from './usePagedConnection';

const TOTAL = 95;

/** A server holding TOTAL rows r0..r94 with cursors c0..c94, answering first/after and last/before. */
function fakeServer() {
  const requests: Record<string, unknown>[] = [];
  const serve = (op: Operation) => {
    const v = op.variables as { first?: number; after?: string; last?: number; before?: string };
    requests.push(JSON.parse(JSON.stringify(v)) as Record<string, unknown>);
    let from = v.after ? Number(v.after.slice(1)) + 1 : 0;
    let to = v.before ? Number(v.before.slice(1)) : TOTAL;
    if (v.first !== undefined) to = Math.min(to, from + v.first);
    if (v.last !== undefined) from = Math.max(from, to - v.last);
    const edges = Array.from({ length: Math.max(0, to - from) }, (_, i) => ({
      __typename: 'AuditLogEdge',
      cursor: `c${from + i}`,
      node: { __typename: 'AuditLog', id: `r${from + i}` },
    }));
    return { auditLogs: { __typename: 'AuditLogConnection', totalCount: TOTAL, edges } };
  };
  // Answers a little later, as over a network; an operation torn down before then (urql's
  // useQuery starts and drops one during render) gets no answer and is not counted.
  const generation = new Map<number, number>();
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      mergeMap((op) => {
        const g = (generation.get(op.key) ?? 0) + 1;
        generation.set(op.key, g);
        if (op.kind !== 'query') return empty;
        return pipe(
          fromValue(op),
          delay(1),
          filter(() => generation.get(op.key) === g),
          map(() => makeResult(op, { data: serve(op) })),
        );
      }),
    );
  // As in the app (shared/graphql/client.ts): the document cache in front of the network.
  const client = new Client({ url: '/graphql', exchanges: [cacheExchange, exchange] });
  const wrapper = ({ children }: { children: ReactNode }) => <Provider value={client}>{children}</Provider>;
  return { requests, wrapper };
}

const select = (d: AuditLogsData) => d.auditLogs;
const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id);
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => `r${from + i}`);

describe('usePagedConnection', () => {
  it('pages forward, jumps far, goes to the last page, resizes and starts over on new variables', async () => {
    const { requests, wrapper } = fakeServer();
    const { result, rerender } = renderHook(
      ({ where }: { where?: { action: 'LOGIN' } }) => usePagedConnection({ query: AuditLogsQuery, variables: { where }, select }),
      { wrapper, initialProps: {} },
    );
    await waitFor(() => expect(ids(result.current.rows)).toEqual(range(0, 10)));
    expect(result.current.total).toBe(TOTAL);
    expect(requests.at(-1)).toEqual({ first: 10 });

    act(() => result.current.setPage(2));
    await waitFor(() => expect(ids(result.current.rows)).toEqual(range(10, 10)));
    expect(requests.at(-1)).toEqual({ first: 10, after: 'c9' });

    // Far from any known cursor: learn the cursors up to the page (at most 100 rows), then load it.
    act(() => result.current.setPage(8));
    await waitFor(() => expect(ids(result.current.rows)).toEqual(range(70, 10)));
    expect(requests.slice(-2)).toEqual([
      { first: 50, after: 'c19' },
      { first: 10, after: 'c69' },
    ]);
    expect(result.current.page).toBe(8);

    // The last page is taken from the end.
    act(() => result.current.setPage(10));
    await waitFor(() => expect(ids(result.current.rows)).toEqual(range(90, 5)));
    expect(requests.at(-1)).toEqual({ last: 5 });

    // Back one page: its rows follow a known cursor.
    act(() => result.current.setPage(9));
    await waitFor(() => expect(ids(result.current.rows)).toEqual(range(80, 10)));

    act(() => result.current.setPage(3, 20));
    await waitFor(() => expect(ids(result.current.rows)).toEqual(range(0, 20)));
    expect(result.current.page).toBe(1);
    expect(result.current.pageSize).toBe(20);

    act(() => result.current.setPage(2));
    await waitFor(() => expect(result.current.page).toBe(2));
    rerender({ where: { action: 'LOGIN' } });
    expect(result.current.page).toBe(1);
    await waitFor(() => expect(requests.at(-1)).toEqual({ where: { action: 'LOGIN' }, first: 20 }));
  });

  it('keeps rows and setPage while nothing changes (memoized tables stay put)', async () => {
    const { wrapper } = fakeServer();
    const { result, rerender } = renderHook(() => usePagedConnection({ query: AuditLogsQuery, variables: {}, select }), { wrapper });
    await waitFor(() => expect(result.current.rows).toHaveLength(10));
    const { rows, setPage } = result.current;
    rerender();
    expect(result.current.rows).toBe(rows);
    expect(result.current.setPage).toBe(setPage);
  });
});
