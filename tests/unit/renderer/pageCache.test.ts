import { describe, expect, it } from 'vitest';
import { PageCache } from '../../../src/renderer/src/pages/records/pageCache';

const rowsOf = (page: number) => Array.from({ length: 100 }, (_, i) => page * 100 + i);

/** Scrolls through `pages` pages the way the table does: claim, fetch, store, read. */
function scroll(cache: PageCache<number>, pages: Iterable<number>): void {
  for (const page of pages) {
    if (cache.claim(page)) cache.store(page, rowsOf(page));
    expect(cache.fresh(page)?.[5]).toBe(page * 100 + 5);
  }
}

describe('the records tables’ page cache', () => {
  it('keeps at most its bound however far the seller scrolls, dropping the least recently read', () => {
    const cache = PageCache.empty<number>(50).restart('q', false);
    scroll(
      cache,
      Array.from({ length: 2500 }, (_, i) => i),
    ); // 250,000 rows
    expect(cache.size).toEqual({ fresh: 50, stale: 0 });
    expect(cache.fresh(2499)).toBeDefined();
    expect(cache.fresh(2450)).toBeDefined();
    expect(cache.fresh(2449)).toBeUndefined();
    // A page read again is kept over older ones.
    const small = PageCache.empty<number>(3).restart('q', false);
    scroll(small, [0, 1, 2]);
    small.fresh(0);
    scroll(small, [3]);
    expect(small.fresh(1)).toBeUndefined();
    expect(small.fresh(0)).toBeDefined();
  });

  it('asks for a page once while it is on its way, and again after a failure', () => {
    const cache = PageCache.empty<number>(10).restart('q', false);
    expect(cache.claim(4)).toBe(true);
    expect(cache.claim(4)).toBe(false);
    cache.store(4, null);
    expect(cache.fresh(4)).toBeUndefined();
    expect(cache.claim(4)).toBe(true);
    cache.store(4, rowsOf(4));
    expect(cache.claim(4)).toBe(false);
  });

  it('after a data change shows what it had until fresh pages come, then lets the stale ones go', () => {
    const first = PageCache.empty<number>(5).restart('q', false);
    scroll(first, [0, 1, 2, 3, 4, 5, 6]);
    const refreshed = first.restart('q', true);
    expect(refreshed).not.toBe(first); // answers to the old requests are told apart
    expect(refreshed.size).toEqual({ fresh: 0, stale: 5 });
    expect(refreshed.fresh(6)).toBeUndefined();
    expect(refreshed.staleRows(6)?.[0]).toBe(600);
    expect(refreshed.staleRows(1)).toBeUndefined(); // dropped before the change
    refreshed.claim(6);
    refreshed.store(
      6,
      rowsOf(6).map((n) => -n),
    );
    expect(refreshed.fresh(6)?.[1]).toBe(-601);
    expect(refreshed.staleRows(6)).toBeUndefined();
    expect(refreshed.size).toEqual({ fresh: 1, stale: 4 });
    // Changes in a row keep the stale pages bounded too.
    let cache = refreshed;
    for (let i = 0; i < 20; i++) cache = cache.restart('q', true);
    expect(cache.size.stale).toBeLessThanOrEqual(5);
    // A new query starts empty.
    expect(cache.restart('other', false).size).toEqual({ fresh: 0, stale: 0 });
  });
});
