// Forward/backward paging over a Relay connection: a stack of `after` cursors, one per page.
import { useCallback, useMemo, useState } from 'react';

export interface CursorPagerState {
  /** `after` of each page seen so far; the last one is the current page. */
  afters: readonly (string | undefined)[];
}

export const firstPage = (): CursorPagerState => ({ afters: [undefined] });

/** The state after moving to the page that starts after endCursor. */
export function nextPage(state: CursorPagerState, endCursor: string | null | undefined): CursorPagerState {
  if (!endCursor) return state;
  return { afters: [...state.afters, endCursor] };
}

/** The state after moving one page back (stays on the first page). */
export function previousPage(state: CursorPagerState): CursorPagerState {
  return state.afters.length > 1 ? { afters: state.afters.slice(0, -1) } : state;
}

/** Paging state for one list; reset() when its filters change. */
export function useCursorPager(pageSize: number) {
  const [state, setState] = useState<CursorPagerState>(firstPage);
  const variables = useMemo(() => ({ first: pageSize, after: state.afters[state.afters.length - 1] ?? null }), [pageSize, state]);
  return {
    page: state.afters.length,
    variables,
    next: useCallback((endCursor: string | null | undefined) => setState((s) => nextPage(s, endCursor)), []),
    previous: useCallback(() => setState(previousPage), []),
    reset: useCallback(() => setState(firstPage()), []),
  };
}
