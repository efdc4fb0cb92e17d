import { describe, expect, it } from 'vitest';
import { firstPage, nextPage, previousPage } from './cursorPager';

describe('cursor pager', () => {
  it('walks forward and back', () => {
    let s = firstPage();
    s = nextPage(s, 'c10');
    s = nextPage(s, 'c20');
    expect(s.afters).toEqual([undefined, 'c10', 'c20']);
    s = previousPage(s);
    expect(s.afters).toEqual([undefined, 'c10']);
    expect(previousPage(previousPage(s)).afters).toEqual([undefined]);
  });
  it('ignores a missing end cursor', () => {
    expect(nextPage(firstPage(), null).afters).toEqual([undefined]);
  });
});
