import { describe, expect, it } from 'vitest';
import { backoffBounds, backoffDelay } from '../../../src/main/core/enrich/backoff';
import { CircuitBreaker, type BreakerState } from '../../../src/main/core/enrich/circuitBreaker';
import { SlidingWindowLimiter } from '../../../src/main/core/enrich/rateLimiter';
import { FakeTime, seededRandom } from '../../fakes/fakeTime';

/** The most starts in any window of `windowMs` (a window is half-open: (t - windowMs, t]). */
function busiestWindow(starts: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0; i < starts.length; i++) {
    let n = 0;
    for (let j = i; j < starts.length && starts[j]! < starts[i]! + windowMs; j++) n++;
    most = Math.max(most, n);
  }
  return most;
}

describe('the sliding-window limiter', () => {
  it('never lets more than 15 start in any second, nor 500 in any minute', async () => {
    const time = new FakeTime(0);
    const limiter = new SlidingWindowLimiter({
      windows: [
        { limit: 15, windowMs: 1000 },
        { limit: 500, windowMs: 60_000 },
      ],
      clock: time,
      sleep: time.sleep,
    });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 1200 }, () => limiter.acquire().then(() => starts.push(time.ms()))),
    );
    expect(starts).toHaveLength(1200);
    expect(busiestWindow(starts, 1000)).toBe(15);
    expect(busiestWindow(starts, 60_000)).toBe(500);
    // And it is not slower than it must be: 1,200 starts need two full minutes and a bit.
    expect(starts[499]).toBeLessThan(60_000);
    expect(starts[500]).toBe(60_000);
    expect(starts[1199]).toBeLessThan(180_000);
  });

  it('serves callers in the order they came, with the margin added to each window', async () => {
    const time = new FakeTime(0);
    const limiter = new SlidingWindowLimiter({
      windows: [{ limit: 2, windowMs: 1000 }],
      marginMs: 50,
      clock: time,
      sleep: time.sleep,
    });
    const order: [number, number][] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => limiter.acquire().then(() => order.push([i, time.ms()]))));
    expect(order).toEqual([
      [0, 0],
      [1, 0],
      [2, 1050],
      [3, 1050],
      [4, 2100],
    ]);
  });

  it('counts a request from its answer once settled: arrivals stay within the limit however late the requests left', async () => {
    const time = new FakeTime(0);
    const limiter = new SlidingWindowLimiter({
      windows: [{ limit: 2, windowMs: 1000 }],
      clock: time,
      sleep: time.sleep,
    });
    const a = await limiter.acquire();
    const b = await limiter.acquire();
    expect([a, b]).toEqual([0, 0]);
    // Their answers come 400 ms later (a slow network, or a stalled process sending them late): a
    // third request may only start a full window after those answers, not after the departures.
    const third = limiter.acquire().then((start) => start);
    time.advance(400);
    limiter.settle(a);
    limiter.settle(b);
    expect(await third).toBe(1400);
    // Settling a start that no window holds any more changes nothing.
    const fourth = await limiter.acquire();
    expect(fourth).toBe(1400);
    const before = limiter.waitMs();
    limiter.settle(-5000);
    expect(limiter.waitMs()).toBe(before);
    expect(before).toBe(1000);
  });

  it('lets a cancelled caller leave the queue without holding up the others', async () => {
    const time = new FakeTime(0);
    const limiter = new SlidingWindowLimiter({
      windows: [{ limit: 1, windowMs: 1000 }],
      clock: time,
      sleep: time.sleep,
    });
    await limiter.acquire();
    const controller = new AbortController();
    const cancelled = limiter.acquire(controller.signal);
    const next = limiter.acquire();
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    await next;
    expect(time.ms()).toBe(1000);
    await expect(limiter.acquire(AbortSignal.abort())).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('back-off', () => {
  const options = { baseMs: 500, maxMs: 8000 };

  it('doubles each time up to its cap, with jitter inside the upper half', () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffBounds(a, options))).toEqual([
      { min: 250, max: 500 },
      { min: 500, max: 1000 },
      { min: 1000, max: 2000 },
      { min: 2000, max: 4000 },
      { min: 4000, max: 8000 },
      { min: 4000, max: 8000 },
    ]);
    expect(backoffDelay(2, options, () => 0)).toBe(1000);
    expect(backoffDelay(2, options, () => 0.999_999)).toBe(2000);
    const random = seededRandom(7);
    for (let attempt = 0; attempt < 8; attempt++) {
      const seen = Array.from({ length: 200 }, () => backoffDelay(attempt, options, random));
      const { min, max } = backoffBounds(attempt, options);
      expect(Math.min(...seen)).toBeGreaterThanOrEqual(min);
      expect(Math.max(...seen)).toBeLessThanOrEqual(max);
      // Jitter really spreads the waits: not all the same.
      expect(new Set(seen).size).toBeGreaterThan(50);
    }
  });
});

describe('the circuit breaker', () => {
  it('opens after repeated failures, half-opens after the cool-down, and closes on a good trial', () => {
    const time = new FakeTime(0);
    const states: BreakerState[] = [];
    const breaker = new CircuitBreaker({
      failureThreshold: 3,
      coolDownMs: 30_000,
      clock: time,
      onStateChange: (s) => states.push(s),
    });
    breaker.failure();
    breaker.failure();
    breaker.success(); // a success in between resets the count
    breaker.failure();
    breaker.failure();
    expect(breaker.current()).toBe('closed');
    breaker.failure();
    expect(breaker.current()).toBe('open');
    expect(breaker.tryPass()).toBe(false);
    expect(breaker.retryInMs()).toBe(30_000);

    time.advance(29_999);
    expect(breaker.tryPass()).toBe(false);
    time.advance(1);
    expect(breaker.current()).toBe('half_open');
    expect(breaker.tryPass()).toBe(true); // the one trial
    expect(breaker.tryPass()).toBe(false); // everyone else waits for it
    breaker.success();
    expect(breaker.current()).toBe('closed');
    expect(breaker.tryPass()).toBe(true);
    expect(states).toEqual(['open', 'half_open', 'closed']);
  });

  it('opens again for a whole cool-down when the trial fails', () => {
    const time = new FakeTime(0);
    const breaker = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 10_000, clock: time });
    breaker.failure();
    time.advance(10_000);
    expect(breaker.tryPass()).toBe(true);
    breaker.failure();
    expect(breaker.current()).toBe('open');
    time.advance(9_999);
    expect(breaker.tryPass()).toBe(false);
    time.advance(1);
    expect(breaker.tryPass()).toBe(true);
  });
});
