/**
 * The browser harness's preload: builds `window.api` with the same `buildApi` as the Electron
 * preload, over a Playwright binding instead of IPC. Runs in the page before the app's scripts.
 */
import { buildApi } from '../../../src/shared/contract/api';
import type { CallName } from '../../../src/shared/contract';
import type { EventName } from '../../../src/shared/contract/events';
import type { Result } from '../../../src/shared/contract/result';

type Listener = (name: EventName, payload: unknown) => void;

interface HarnessWindow {
  __pdInvoke(name: CallName, input: unknown): Promise<Result<unknown>>;
  __pdEmit(name: EventName, payload: unknown): void;
  /** file name → path on disk, registered by a test before it drops the file. */
  __pdFiles: Record<string, string>;
}

const harness = window as unknown as Window & HarnessWindow;
const listeners = new Set<Listener>();
harness.__pdFiles = {};
harness.__pdEmit = (name, payload) => {
  for (const listener of listeners) listener(name, payload);
};
harness.api = buildApi({
  invoke: (name, input) => harness.__pdInvoke(name, input),
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  // Electron gives a dropped File its path (webUtils); a browser does not, so tests say it.
  pathForFile: (file) => harness.__pdFiles[file.name] ?? null,
});
