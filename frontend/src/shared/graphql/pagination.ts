// Page-number pagination on top of a Relay connection, without offsets on the server.
//
// The server pages with opaque cursors (first/after, last/before); the table shows page numbers.
// We remember the cursor of every row position we have seen (index -> cursor) for the current
// filter and order, and plan each page from what we know:
//   page 1                              -> first: size
//   cursor of the row before the page   -> first: size, after
//   cursor of the row after the page    -> last: size, before
//   the last page (total known)         -> last: rows left
//   otherwise                           -> a "skip" request (first: <=100, after: nearest known
//                                          cursor, selecting only cursors) to learn more cursors,
//                                          then plan again.
// The cache holds row indexes, so it survives a page-size change; it must be dropped when the
// filter or the order changes.

/** Variables of a connection request (a subset of first/after/last/before). */
export interface ConnectionArgs {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
}

/** What to ask the server next to show a page. */
export type PagePlan =
  | { kind: 'page'; offset: number; args: ConnectionArgs }
  | { kind: 'skip'; offset: number; args: ConnectionArgs & { first: number } };

/** Row index -> cursor of that row, for one filter+order. */
export type CursorCache = ReadonlyMap<number, string>;

/** The server's cap on first/last. */
export const MAX_PAGE = 100;

/** Index of the first row of a 1-based page. */
export function pageOffset(page: number, pageSize: number): number {
  return Math.max(0, page - 1) * pageSize;
}

/** Plans the request for a 1-based page; total is the last totalCount seen, if any. */
export function planPage(page: number, pageSize: number, total: number | undefined, cursors: CursorCache): PagePlan {
  const size = Math.min(pageSize, MAX_PAGE);
  const offset = pageOffset(page, size);
  if (offset === 0) return { kind: 'page', offset, args: { first: size } };

  const before = cursors.get(offset - 1);
  if (before !== undefined) return { kind: 'page', offset, args: { first: size, after: before } };

  const after = cursors.get(offset + size);
  if (after !== undefined) return { kind: 'page', offset, args: { last: size, before: after } };

  if (total !== undefined && offset < total && offset + size >= total) {
    return { kind: 'page', offset, args: { last: total - offset } };
  }

  // Walk forward from the nearest known cursor before the page.
  let from = -1;
  for (const index of cursors.keys()) if (index < offset - 1 && index > from) from = index;
  const first = Math.min(MAX_PAGE, offset - 1 - from);
  const args = from < 0 ? { first } : { first, after: cursors.get(from)! };
  return { kind: 'skip', offset: from + 1, args };
}

/** Returns a new cache that also knows the cursors of rows starting at offset. */
export function recordCursors(cursors: CursorCache, offset: number, rowCursors: readonly string[]): Map<number, string> {
  const next = new Map(cursors);
  rowCursors.forEach((cursor, i) => next.set(offset + i, cursor));
  return next;
}
