import type { Clock } from '../../../../src/main/core/clock';
import type { RandomSource, Sleep } from '../../../../src/main/core/safety/pacing';

/**
 * A clock that moves only when someone sleeps: `sleep(ms)` adds ms and returns at once (after a
 * turn of the event loop, so concurrent tasks still interleave as they would). Every sleep is kept.
 */
export class FakeTime {
  private nowMs: number;
  readonly sleeps: number[] = [];

  constructor(start: string | Date) {
    this.nowMs = new Date(start).getTime();
  }

  readonly clock: Clock = { now: () => new Date(this.nowMs) };

  readonly sleep: Sleep = async (ms, signal) => {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.nowMs += ms;
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  };

  advance(ms: number): void {
    this.nowMs += ms;
  }

  set(at: string | Date): void {
    this.nowMs = new Date(at).getTime();
  }
}

/** Returns the given numbers in turn, round and round. */
export function sequence(...values: number[]): RandomSource {
  let i = 0;
  return () => values[i++ % values.length]!;
}
