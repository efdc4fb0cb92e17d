import { describe, expect, it } from 'vitest';
import { MAX_PAGE, planPage, recordCursors } from './pagination';

const cursorsFor = (from: number, n: number) => Array.from({ length: n }, (_, i) => `c${from + i}`);

describe('planPage', () => {
  it('asks for the first rows on page 1', () => {
    expect(planPage(1, 20, undefined, new Map())).toEqual({ kind: 'page', offset: 0, args: { first: 20 } });
  });

  it('continues after the last row of the previous page', () => {
    const cache = recordCursors(new Map(), 0, cursorsFor(0, 10));
    expect(planPage(2, 10, 95, cache)).toEqual({ kind: 'page', offset: 10, args: { first: 10, after: 'c9' } });
  });

  it('goes back with last/before when only the next page is known', () => {
    const cache = recordCursors(new Map(), 30, cursorsFor(30, 10));
    expect(planPage(3, 10, 95, cache)).toEqual({ kind: 'page', offset: 20, args: { last: 10, before: 'c30' } });
  });

  it('takes the remainder from the end for the last page', () => {
    expect(planPage(10, 10, 95, new Map())).toEqual({ kind: 'page', offset: 90, args: { last: 5 } });
    expect(planPage(5, 20, 100, new Map())).toEqual({ kind: 'page', offset: 80, args: { last: 20 } });
  });

  it('skips forward from the nearest known cursor, at most 100 rows at a time', () => {
    const cache = recordCursors(new Map(), 0, cursorsFor(0, 10));
    const plan = planPage(30, 10, 1000, cache);
    expect(plan).toEqual({ kind: 'skip', offset: 10, args: { first: MAX_PAGE, after: 'c9' } });
    // After the skip the next step lands on the page.
    const more = recordCursors(cache, 10, cursorsFor(10, 100));
    expect(planPage(30, 10, 1000, more)).toEqual({ kind: 'skip', offset: 110, args: { first: 100, after: 'c109' } });
    // Keep skipping until the row before the page is known; then the page itself.
    let cache2 = more;
    let plan2 = planPage(30, 10, 1000, cache2);
    let steps = 2;
    while (plan2.kind === 'skip') {
      cache2 = recordCursors(cache2, plan2.offset, cursorsFor(plan2.offset, plan2.args.first));
      plan2 = planPage(30, 10, 1000, cache2);
      steps++;
    }
    expect(steps).toBe(4); // 100 + 100 + 80 rows of cursors, then the page
    expect(plan2).toEqual({ kind: 'page', offset: 290, args: { first: 10, after: 'c289' } });
  });

  it('skips from the start when nothing is known', () => {
    expect(planPage(4, 10, undefined, new Map())).toEqual({ kind: 'skip', offset: 0, args: { first: 30 } });
  });

  it('keeps what it knows across page sizes (cursors are per row)', () => {
    const cache = recordCursors(new Map(), 0, cursorsFor(0, 50));
    expect(planPage(3, 20, 500, cache)).toEqual({ kind: 'page', offset: 40, args: { first: 20, after: 'c39' } });
  });

  it('never asks for more than the server allows', () => {
    expect(planPage(1, 500, undefined, new Map()).args.first).toBe(MAX_PAGE);
  });
});

describe('recordCursors', () => {
  it('does not change the cache it is given', () => {
    const before = new Map([[0, 'a']]);
    const after = recordCursors(before, 1, ['b']);
    expect([...before.keys()]).toEqual([0]);
    expect(after.get(1)).toBe('b');
  });
});
