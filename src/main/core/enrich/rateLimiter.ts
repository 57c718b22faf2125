import { systemClock, type Clock } from '../clock';
import { abortError, realSleep, type Sleep } from './time';

/** At most `limit` starts in any `windowMs` stretch of time. */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

export interface SlidingWindowLimiterOptions {
  windows: readonly RateWindow[];
  /**
   * Added to every window. The server counts arrivals, we count departures; when one request
   * travels faster than the one before it, arrivals bunch up. The margin absorbs that jitter.
   */
  marginMs?: number;
  clock?: Clock;
  sleep?: Sleep;
}

interface Waiter {
  resolve(start: number): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * A client-side limiter over one or more sliding windows at once (Hunter's "15 a second and 500 a
 * minute"). Callers are served first come, first served, so a burst of 200 requests leaves in
 * order and none starves.
 *
 * Hand-written rather than taken from npm: the maintained limiters (bottleneck, limiter, p-queue)
 * read the real clock and have one window each; this one needs two windows and an injected clock
 * and sleep, so tests can prove "never more than 15 in any second" on a fake clock in no real time.
 */
export class SlidingWindowLimiter {
  private readonly windows: RateWindow[];
  private readonly clock: Clock;
  private readonly sleep: Sleep;
  /** Start times still inside the longest window, oldest first. */
  private readonly starts: number[] = [];
  private readonly queue: Waiter[] = [];
  private draining = false;
  private idle: AbortController | null = null;
  private readonly horizonMs: number;

  constructor(options: SlidingWindowLimiterOptions) {
    const margin = options.marginMs ?? 0;
    if (options.windows.length === 0) throw new Error('A limiter needs at least one window.');
    this.windows = options.windows.map((w) => {
      if (!(w.limit >= 1) || !(w.windowMs > 0)) throw new Error(`Bad rate window ${JSON.stringify(w)}.`);
      return { limit: Math.floor(w.limit), windowMs: w.windowMs + margin };
    });
    this.horizonMs = Math.max(...this.windows.map((w) => w.windowMs));
    this.clock = options.clock ?? systemClock;
    this.sleep = options.sleep ?? realSleep;
  }

  /**
   * Resolves when the caller may start one request, with the start as counted; rejects if `signal`
   * aborts first. Hand the start to `settle` when the answer comes.
   */
  acquire(signal?: AbortSignal): Promise<number> {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<number>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal) {
        waiter.onAbort = () => {
          const at = this.queue.indexOf(waiter);
          if (at >= 0) this.queue.splice(at, 1);
          if (this.queue.length === 0) this.idle?.abort();
          reject(abortError(signal));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      if (!this.draining) void this.drain();
    });
  }

  /** How long the next start would have to wait now; 0 if it may go at once. */
  waitMs(now = this.clock.now().getTime()): number {
    this.forget(now);
    let wait = 0;
    for (const w of this.windows) {
      // Starts inside this window; if there are `limit` of them, wait until the oldest that
      // still matters leaves it.
      let inside = 0;
      for (let i = this.starts.length - 1; i >= 0 && this.starts[i]! > now - w.windowMs; i--) inside++;
      if (inside >= w.limit) {
        const blocking = this.starts[this.starts.length - w.limit]!;
        wait = Math.max(wait, blocking + w.windowMs - now);
      }
    }
    return wait;
  }

  /**
   * The request that started at `start` has its answer (or failed): from now on it counts from
   * now. The server counts a request when it arrives, which is before its answer leaves; counting
   * from the answer keeps every window's arrivals within the limit however late a stalled process
   * or the network sent the requests before it — where counting from departures needs the jitter
   * to stay inside the margin. Costs one answer's latency per window of throughput.
   */
  settle(start: number, now = this.clock.now().getTime()): void {
    const at = this.starts.lastIndexOf(start);
    if (at < 0) return; // already forgotten: outside every window
    this.starts.splice(at, 1);
    let i = this.starts.length;
    while (i > 0 && this.starts[i - 1]! > now) i--;
    this.starts.splice(i, 0, Math.max(start, now));
  }

  private forget(now: number): void {
    while (this.starts.length > 0 && this.starts[0]! <= now - this.horizonMs) this.starts.shift();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const wait = this.waitMs();
        if (wait > 0) {
          this.idle = new AbortController();
          try {
            await this.sleep(wait, this.idle.signal);
          } catch {
            // Every waiter left while we slept; the loop ends below.
          }
          this.idle = null;
          continue;
        }
        const waiter = this.queue.shift()!;
        if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
        const start = this.clock.now().getTime();
        this.starts.push(start);
        waiter.resolve(start);
      }
    } finally {
      this.draining = false;
    }
  }
}
