import type { Clock } from '../../src/main/core/clock';
import type { Sleep } from '../../src/main/core/enrich/time';

interface Timer {
  at: number;
  resolve(): void;
}

/**
 * A clock whose sleeps take no real time: whenever something sleeps, virtual time jumps to the
 * earliest wake-up (after the event loop has had a turn, so everything that could still run has).
 * Every requested sleep is recorded, so tests can check back-off waits exactly.
 */
export class FakeTime implements Clock {
  private t: number;
  private timers: Timer[] = [];
  private pumping = false;
  readonly sleeps: number[] = [];

  constructor(start = Date.parse('2025-06-15T12:00:00Z')) {
    this.t = start;
  }

  now(): Date {
    return new Date(this.t);
  }

  ms(): number {
    return this.t;
  }

  /** Moves time forward by hand (for caches and cool-downs). */
  advance(ms: number): void {
    this.t += ms;
  }

  set(date: Date): void {
    this.t = date.getTime();
  }

  sleep: Sleep = (ms, signal) => {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const timer: Timer = {
        at: this.t + Math.max(0, ms),
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
      this.pump();
    });
  };

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      if (this.timers.length === 0) return;
      const at = Math.min(...this.timers.map((x) => x.at));
      this.t = Math.max(this.t, at);
      const due = this.timers.filter((x) => x.at <= this.t);
      this.timers = this.timers.filter((x) => x.at > this.t);
      for (const x of due) x.resolve();
      if (this.timers.length > 0) this.pump();
    });
  }
}

/** Random numbers from a fixed seed (mulberry32), for jitter and data sets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
