// Page-number paging for any Relay connection query, on top of the cursor planner of
// features/customers/pagination.ts (see there for how pages map to first/after, last/before).
import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery, type AnyVariables, type TypedDocumentNode } from 'urql';
import { planPage, recordCursors, sameArgs, type ConnectionArgs, type CursorCache } from '../../features/customers/pagination';

/** The parts of a connection the hook reads. */
export interface ConnectionLike<Node> {
  totalCount: number;
  edges?: ReadonlyArray<{ cursor: string; node?: Node | null } | null> | null;
}

interface Options<Data, Vars extends AnyVariables, Node> {
  query: TypedDocumentNode<Data, Vars>;
  /** Everything but first/after/last/before (filters, order); memoize it. */
  variables: Omit<Vars, keyof ConnectionArgs>;
  /** Picks the connection out of the result. */
  select: (data: Data) => ConnectionLike<Node> | null | undefined;
  pageSize?: number;
  pause?: boolean;
}

const EMPTY: CursorCache = new Map();

/** Server-side paging with page numbers; the cursor cache is dropped whenever `variables` change. */
export function usePagedConnection<Data, Vars extends AnyVariables, Node>({
  query,
  variables,
  select,
  pageSize: initialSize = 10,
  pause = false,
}: Options<Data, Vars, Node>) {
  const client = useClient();
  const scope = JSON.stringify(variables);
  const [paging, setPaging] = useState({ scope, page: 1, pageSize: initialSize });
  const page = paging.scope === scope ? paging.page : 1;
  const pageSize = paging.pageSize;
  const [cache, setCache] = useState<{ scope: string; cursors: CursorCache; total?: number }>({ scope, cursors: EMPTY });
  const known = cache.scope === scope ? cache : { scope, cursors: EMPTY, total: undefined };
  const [skipError, setSkipError] = useState<unknown>();

  const plan = planPage(page, pageSize, known.total, known.cursors);
  const vars = useMemo(() => ({ ...variables, ...plan.args }) as unknown as Vars, [scope, plan.args.first, plan.args.after, plan.args.last, plan.args.before]); // eslint-disable-line react-hooks/exhaustive-deps
  const [{ data, fetching, error, operation }, reexecute] = useQuery<Data, Vars>({
    query,
    variables: vars,
    pause: pause || plan.kind !== 'page',
  } as Parameters<typeof useQuery<Data, Vars>>[0]);

  const conn = data ? select(data) : undefined;
  const current = !!operation && sameArgs(operation.variables as ConnectionArgs, plan.args);

  useEffect(() => {
    if (!conn || plan.kind !== 'page' || !current) return;
    const rowCursors = (conn.edges ?? []).flatMap((e) => (e ? [e.cursor] : []));
    setCache((c) => ({
      scope,
      total: conn.totalCount,
      cursors: recordCursors(c.scope === scope ? c.cursors : EMPTY, plan.offset, rowCursors),
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data]);

  useEffect(() => {
    if (plan.kind !== 'skip' || pause) return;
    let cancelled = false;
    void client
      .query(query, { ...variables, ...plan.args } as unknown as Vars, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (cancelled) return;
        const c = result.data ? select(result.data) : undefined;
        const rowCursors = (c?.edges ?? []).flatMap((e) => (e ? [e.cursor] : []));
        if (result.error || !c || rowCursors.length === 0) {
          if (result.error) setSkipError(result.error);
          setPaging({ scope, page: 1, pageSize });
          return;
        }
        setCache((old) => ({
          scope,
          total: c.totalCount,
          cursors: recordCursors(old.scope === scope ? old.cursors : EMPTY, plan.offset, rowCursors),
        }));
      });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan.kind, plan.offset, plan.args.first, plan.args.after, scope, pause]);

  const rows: Node[] = (conn?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  return {
    rows,
    total: conn?.totalCount ?? known.total ?? 0,
    page,
    pageSize,
    loading: fetching || (plan.kind === 'skip' && !pause),
    error: error ?? (skipError as typeof error),
    /** Moves to a page; a new page size goes back to page 1. */
    setPage: (next: number, size: number = pageSize) => {
      setSkipError(undefined);
      setPaging({ scope, page: size !== pageSize ? 1 : next, pageSize: size });
    },
    /** Reloads the current page from the server. */
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
