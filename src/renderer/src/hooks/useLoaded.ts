import { useEffect, useState } from 'react';

/**
 * A value loaded asynchronously for a key (a record id, a query). While the value for the current
 * key is on its way the hook returns null — never the previous key's value — and a late answer for
 * an old key is dropped. `load` returning null means "nothing to load".
 *
 * `family` names what stays the same across keys (the record, when the key also holds the data
 * version): while a newer key of the same family loads, the last value stays on screen, so a panel
 * refreshed by a data change keeps its place and whatever its parts were showing.
 */
export function useLoaded<T>(
  key: string | null,
  load: () => Promise<T> | null,
  family?: string,
): { value: T | null; error: string | null } {
  const [state, setState] = useState<{
    key: string;
    family?: string;
    value: T | null;
    error: string | null;
  } | null>(null);
  useEffect(() => {
    if (key === null) return;
    const pending = load();
    if (!pending) return;
    let current = true;
    pending.then(
      (value) => current && setState({ key, family, value, error: null }),
      (error: Error) => current && setState({ key, family, value: null, error: error.message }),
    );
    return () => {
      current = false;
    };
    // `load` is recreated each render; the key says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (key !== null && family !== undefined && state?.key !== key && state?.family === family)
    return { value: state.value, error: state.error };
  if (key === null || state?.key !== key) return { value: null, error: null };
  return { value: state.value, error: state.error };
}
