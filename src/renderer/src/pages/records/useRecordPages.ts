import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RecordsPage } from '@shared/domain/records';
import type { Result } from '@shared/contract/result';
import { api } from '../../api';
import { PageCache } from './pageCache';

const PAGE = 100;
/** At most one round of page requests this often: a flick through 250,000 rows asks for the
 * pages it stops on, not every page it flies past. */
const REQUEST_EVERY_MS = 80;

/** Pages kept per table (5,000 rows): many screens of scrolling back without a fetch, and a
 * bounded memory however far the seller scrolls. */
const MAX_PAGES = 50;

/**
 * Rows of a large table, fetched a page at a time as they scroll into view and kept while the
 * query (filter + sort) stays the same. `key` identifies the query; a new key starts over.
 */
export function useRecordPages<T>(
  key: string,
  fetchPage: (offset: number, limit: number) => Promise<Result<RecordsPage<T>>>,
) {
  const [loaded, setLoaded] = useState<{ key: string; total: number; version: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cache = useRef(PageCache.empty<T>(MAX_PAGES));
  const fetchRef = useRef(fetchPage);
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });

  const fetchOne = useCallback((page: number) => {
    const c = cache.current;
    if (!c.claim(page)) return;
    void fetchRef.current(page * PAGE, PAGE).then((result) => {
      if (cache.current !== c) return;
      if (!result.ok) {
        c.store(page, null);
        setError(result.error.message);
        return;
      }
      c.store(page, result.value.rows);
      setError(null);
      setLoaded((prev) => ({
        key: c.key,
        total: result.value.total,
        version: (prev?.version ?? 0) + 1,
      }));
    });
  }, []);

  // Pages asked for by rows on screen since the last round of requests, with when.
  const wanted = useRef(new Map<number, number>());
  const lastRound = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const load = useCallback(
    (page: number) => {
      wanted.current.set(page, performance.now());
      if (timer.current) return;
      const wait = Math.max(0, lastRound.current + REQUEST_EVERY_MS - performance.now());
      timer.current = setTimeout(() => {
        timer.current = null;
        lastRound.current = performance.now();
        // Only what the latest frames asked for: pages a flick flew past are no longer on screen.
        const latest = Math.max(...wanted.current.values());
        const pages = [...wanted.current].filter(([, at]) => at >= latest - 20).map(([p]) => p);
        wanted.current.clear();
        for (const p of pages) fetchOne(p);
      }, wait);
    },
    [fetchOne],
  );
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const restart = useCallback(
    (forKey: string, keepShown: boolean) => {
      cache.current = cache.current.restart(forKey, keepShown);
      load(0);
    },
    [load],
  );

  useEffect(() => {
    restart(key, false);
    // Data changed elsewhere (an import, a merge, a decision): the same query, fetched again.
    return api().on('data.changed', () => restart(key, true));
  }, [key, restart]);

  const version = loaded?.version ?? 0;
  const row = useCallback(
    (index: number): T | undefined => {
      const c = cache.current;
      if (c.key !== key) return undefined;
      const page = Math.floor(index / PAGE);
      const rows = c.fresh(page);
      if (!rows) {
        load(page);
        return c.staleRows(page)?.[index - page * PAGE];
      }
      return rows[index - page * PAGE];
    },
    // version makes a new function when pages arrive, so users of `row` re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, load, version],
  );

  const total = loaded?.key === key ? loaded.total : null;
  const reload = useCallback(() => restart(key, true), [key, restart]);
  return { total, row, error, reload };
}
