import { useCallback, useEffect, useState } from 'react';
import type { DiscoveryRun } from '@shared/domain/linkedin';
import { api, unwrap } from '../api';

/** A run's newest state into the list: replaced where it is, or first when it is new. */
const upsert = (all: DiscoveryRun[], run: DiscoveryRun): DiscoveryRun[] =>
  all.some((r) => r.id === run.id) ? all.map((r) => (r.id === run.id ? run : r)) : [run, ...all];

/**
 * The discovery runs, newest first, kept current by the core's `discovery.run` events (the Discover
 * page and the status area both show them). `show` puts a run the caller just started in place.
 */
export function useDiscoveryRuns(onError?: (message: string) => void): {
  runs: DiscoveryRun[];
  show(run: DiscoveryRun): void;
} {
  const [runs, setRuns] = useState<DiscoveryRun[]>([]);
  useEffect(() => {
    let live = true;
    // An event may arrive before the list does: that newer state wins over the listed one.
    void unwrap(api().discovery.runs()).then(
      (listed) =>
        live &&
        setRuns((seen) => [
          ...seen.filter((s) => !listed.some((r) => r.id === s.id)),
          ...listed.map((r) => seen.find((s) => s.id === r.id) ?? r),
        ]),
      (e: Error) => live && onError?.(e.message),
    );
    const off = api().on('discovery.run', (run) => setRuns((all) => upsert(all, run)));
    return () => {
      live = false;
      off();
    };
    // Subscribed once; `onError` is only for the first load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const show = useCallback((run: DiscoveryRun) => setRuns((all) => upsert(all, run)), []);
  return { runs, show };
}
