// The one paging hook of the SPA: page numbers over any server-side-paged Relay connection
// (totalCount, first/after, last/before, a page size), on top of the cursor planner in
// ./pagination.ts (see there for how pages map to cursors). Every list page uses it, with
// tablePagination() (shared/components) for antd's pager.
import { useCallback, useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useClient, useQuery, type AnyVariables, type OperationResult, type RequestPolicy, type TypedDocumentNode } from 'urql';
import { planPage, recordCursors, type ConnectionArgs, type CursorCache } from './pagination';

/** The parts of a connection the hook reads. */
export interface ConnectionLike<Node> {
  totalCount: number;
  edges?: ReadonlyArray<{ cursor: string; node?: Node | null } | null> | null;
}

interface Options<Data, Vars extends AnyVariables, Node, CursorData, CursorVars extends AnyVariables> {
  /** The list query; it takes $first, $after, $last and $before. */
  query: TypedDocumentNode<Data, Vars>;
  /** Everything but first/after/last/before (filters, order); a change goes back to page 1. */
  variables: Omit<Vars, keyof ConnectionArgs>;
  /** Picks the connection out of the result. */
  select: (data: Data) => ConnectionLike<Node> | null | undefined;
  /**
   * A query with the same variables that selects only totalCount and the edges' cursors, to
   * walk to a page far from any known cursor without loading its rows (the list query otherwise).
   */
  cursors?: { query: TypedDocumentNode<CursorData, CursorVars>; select: (data: CursorData) => ConnectionLike<unknown> | null | undefined };
  pageSize?: number;
  pause?: boolean;
  requestPolicy?: RequestPolicy;
}

/** What a list page gets: one page of rows and the means to move. */
export interface PagedConnection<Node, Error> {
  rows: Node[];
  total: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  loading: boolean;
  error: Error | undefined;
  /** Moves to a page; a new page size goes back to page 1. */
  setPage: (page: number, pageSize?: number) => void;
  /** Reloads the current page from the server. */
  refresh: () => void;
}

interface Known {
  scope: string;
  cursors: CursorCache;
  total?: number;
  /** The result whose cursors are recorded. */
  seen?: unknown;
}

const EMPTY: CursorCache = new Map();

const cursorsOf = (conn: ConnectionLike<unknown> | null | undefined) => (conn?.edges ?? []).flatMap((e) => (e ? [e.cursor] : []));

/** Server-side paging with page numbers; cursors are forgotten whenever `variables` change. */
export function usePagedConnection<Data, Vars extends AnyVariables, Node, CursorData = Data, CursorVars extends AnyVariables = Vars>({
  query,
  variables,
  select,
  cursors: cursorsQuery,
  pageSize: initialSize = 10,
  pause = false,
  requestPolicy,
}: Options<Data, Vars, Node, CursorData, CursorVars>): PagedConnection<Node, OperationResult['error']> {
  const client = useClient();
  // The variables by value (urql keys requests by value too): callers need not memoize them.
  const scope = JSON.stringify(variables);
  const [paging, setPaging] = useState({ scope, page: 1, pageSize: initialSize });
  const page = paging.scope === scope ? paging.page : 1;
  const pageSize = paging.pageSize;
  const [cache, setCache] = useState<Known>({ scope, cursors: EMPTY });
  const known: Known = cache.scope === scope ? cache : { scope, cursors: EMPTY };
  const [skipError, setSkipError] = useState<OperationResult['error']>();

  const plan = planPage(page, pageSize, known.total, known.cursors);
  const requested = { ...variables, ...plan.args } as unknown as Vars;
  const [{ data, fetching, error, operation }, reexecute] = useQuery<Data, Vars>({
    query,
    variables: requested,
    pause: pause || plan.kind !== 'page',
    requestPolicy,
  } as Parameters<typeof useQuery<Data, Vars>>[0]);

  const conn = data ? select(data) : undefined;
  // Remember the cursors of the rows shown (during render, the way React records what changed
  // since the last render), for the next jumps; only for the answer to exactly this request.
  const answered = plan.kind === 'page' && JSON.stringify(operation?.variables) === JSON.stringify(requested);
  if (conn && answered && data !== known.seen) {
    setCache({ scope, total: conn.totalCount, seen: data, cursors: recordCursors(known.cursors, plan.offset, cursorsOf(conn)) });
  }

  // A page far from any known cursor: learn the cursors up to it first.
  const skip = plan.kind === 'skip' && !pause ? JSON.stringify({ variables: requested, offset: plan.offset, scope }) : null;
  const skipped = useEffectEvent((result: OperationResult<unknown>, offset: number, skipScope: string) => {
    const c = result.data ? (cursorsQuery ? cursorsQuery.select(result.data as CursorData) : select(result.data as Data)) : undefined;
    const rowCursors = cursorsOf(c);
    if (result.error || !c || rowCursors.length === 0) {
      if (result.error) setSkipError(result.error);
      setPaging({ scope: skipScope, page: 1, pageSize });
      return;
    }
    setCache((old) => ({
      scope: skipScope,
      total: c.totalCount,
      cursors: recordCursors(old.scope === skipScope ? old.cursors : EMPTY, offset, rowCursors),
    }));
  });
  const skipQuery = cursorsQuery?.query ?? query;
  useEffect(() => {
    if (!skip) return;
    const { variables: skipVars, offset, scope: skipScope } = JSON.parse(skip) as { variables: AnyVariables; offset: number; scope: string };
    let cancelled = false;
    void client
      .query(skipQuery as TypedDocumentNode<unknown, AnyVariables>, skipVars, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!cancelled) skipped(result, offset, skipScope);
      });
    return () => {
      cancelled = true;
    };
  }, [client, skipQuery, skip]);

  // Kept while the answer is (memoized tables re-render only for new rows).
  const rows = useMemo(() => (conn?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : [])), [conn]);
  const setPage = useCallback(
    (next: number, size?: number) => {
      setSkipError(undefined);
      setPaging((p) => ({ scope, page: size !== undefined && size !== p.pageSize ? 1 : next, pageSize: size ?? p.pageSize }));
    },
    [scope, setPaging, setSkipError],
  );

  return {
    rows,
    total: conn?.totalCount ?? known.total ?? 0,
    page,
    pageSize,
    loading: fetching || skip !== null,
    error: error ?? skipError,
    setPage,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
  };
}
