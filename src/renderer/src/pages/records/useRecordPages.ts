import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RecordsPage } from '@shared/domain/records';
import type { Result } from '@shared/contract/result';
import { api } from '../../api';

const PAGE = 100;
/** At most one round of page requests this often: a flick through 250,000 rows asks for the
 * pages it stops on, not every page it flies past. */
const REQUEST_EVERY_MS = 80;

interface PageCache<T> {
  key: string;
  /** Bumped when the query starts over, so answers to the old one are dropped. */
  generation: number;
  pages: Map<number, T[]>;
  loading: Set<number>;
  /** Pages of the same query from before a data change: shown until fresh ones arrive, so a
   * refresh never flashes an empty table. */
  stale: Map<number, T[]>;
}

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
  const cache = useRef<PageCache<T>>({
    key: '',
    generation: 0,
    pages: new Map(),
    loading: new Set(),
    stale: new Map(),
  });
  const fetchRef = useRef(fetchPage);
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });

  const fetchOne = useCallback((page: number) => {
    const c = cache.current;
    if (c.pages.has(page) || c.loading.has(page)) return;
    c.loading.add(page);
    void fetchRef.current(page * PAGE, PAGE).then((result) => {
      if (cache.current !== c) return;
      c.loading.delete(page);
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      c.pages.set(page, result.value.rows);
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
      const old = cache.current;
      cache.current = {
        key: forKey,
        generation: old.generation + 1,
        pages: new Map(),
        loading: new Set(),
        stale: keepShown ? new Map([...old.stale, ...old.pages]) : new Map(),
      };
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
      const rows = c.pages.get(page);
      if (!rows) {
        load(page);
        return c.stale.get(page)?.[index - page * PAGE];
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
