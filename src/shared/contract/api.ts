import { CALL_NAMES, EVENT_NAMES, type CallInput, type CallName, type CallOutput } from './index';
import type { EventName, ServerEvents } from './events';
import type { Result } from './result';

/**
 * `window.api`: one named function per call, grouped by domain (`api.jobs.cancel({ id })`), plus
 * `on(event, listener)`. Built from the contract so a call cannot exist in one place and not the
 * other. The same builder serves the Electron preload and the browser test harness; only the
 * transport differs.
 */
type Domain<N> = N extends `${infer D}.${string}` ? D : never;
type Method<N, D extends string> = N extends `${D}.${infer M}` ? M : never;

type CallFn<N extends CallName> =
  undefined extends CallInput<N>
    ? (input?: CallInput<N>) => Promise<Result<CallOutput<N>>>
    : (input: CallInput<N>) => Promise<Result<CallOutput<N>>>;

export type Api = {
  [D in Domain<CallName>]: {
    [M in Method<CallName, D>]: CallFn<Extract<`${D}.${M}`, CallName>>;
  };
} & {
  on<E extends EventName>(event: E, listener: (payload: ServerEvents[E]) => void): () => void;
  /** The path of a file dropped on the window (Electron's webUtils); null if it has none. */
  pathForFile(file: File): string | null;
};

export interface ApiTransport {
  invoke(name: CallName, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: EventName, payload: unknown) => void): () => void;
  pathForFile(file: File): string | null;
}

export function buildApi(transport: ApiTransport): Api {
  const api: Record<string, Record<string, unknown> | unknown> = {};
  for (const name of CALL_NAMES) {
    const dot = name.indexOf('.');
    const domain = name.slice(0, dot);
    const method = name.slice(dot + 1);
    const group = (api[domain] ??= {}) as Record<string, unknown>;
    group[method] = (input?: unknown) => transport.invoke(name, input);
  }
  api.on = subscriptions(transport);
  api.pathForFile = (file: File) => transport.pathForFile(file);
  return api as Api;
}

/**
 * `api.on`: every subscriber of the page shares one subscription to the transport (one IPC
 * listener, not one per component — a dozen pages and stores listen for `data.changed`), taken
 * with the first subscriber and let go with the last. A listener that throws does not keep the
 * event from the others.
 */
function subscriptions(transport: ApiTransport) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let release: (() => void) | null = null;
  const deliver = (name: EventName, payload: unknown) => {
    // A copy: a listener may unsubscribe itself or another one while the event goes round.
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`A listener for "${name}" failed:`, error);
      }
    }
  };
  return (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) {
      throw new Error(`Unknown event "${String(event)}".`);
    }
    // Its own entry, so the same function subscribed twice is two subscriptions.
    const entry = (payload: unknown) => listener(payload);
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(entry);
    release ??= transport.subscribe(deliver);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      set.delete(entry);
      if (set.size === 0) listeners.delete(event);
      if (listeners.size === 0 && release) {
        release();
        release = null;
      }
    };
  };
}
