import { useEffect, useLayoutEffect, useRef } from 'react';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

/**
 * A page's single-key shortcuts (J/K, A, R…). `handle` sees each key pressed outside a text field
 * and without Cmd, Ctrl or Alt, and returns true when it used the key (its default is then
 * prevented). Listened to once per page: the latest `handle` is read through a ref, so a page that
 * re-renders on every keypress does not re-subscribe each time.
 */
export function useShortcuts(handle: (event: KeyboardEvent) => boolean): void {
  const latest = useRef(handle);
  useLayoutEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && TYPING.has(target.tagName)) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (latest.current(event)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
