import { describe, expect, it } from 'vitest';
import { Pacer, realSleep } from '../../../src/main/core/safety/pacing';
import { SerialLock } from '../../../src/main/core/safety/serialLock';
import { FakeTime, sequence } from './support/fakeTime';

describe('the pacer', () => {
  it('does not pause before the first action, then pauses a random 2–5 s after each', async () => {
    const time = new FakeTime('2025-03-04T15:00:00Z');
    const pacer = new Pacer({ clock: time.clock, sleep: time.sleep, random: sequence(0, 0.5, 0.99999) });
    expect(await pacer.beforeAction()).toBe(0);
    pacer.actionEnded();
    expect(await pacer.beforeAction()).toBe(2000);
    pacer.actionEnded();
    expect(await pacer.beforeAction()).toBe(3500);
    pacer.actionEnded();
    expect(await pacer.beforeAction()).toBe(5000);
    expect(time.sleeps).toEqual([2000, 3500, 5000]);
  });

  it('counts time already passed since the last action towards the pause', async () => {
    const time = new FakeTime('2025-03-04T15:00:00Z');
    const pacer = new Pacer({ clock: time.clock, sleep: time.sleep, random: sequence(0.5) });
    pacer.actionEnded();
    time.advance(1500); // the seller read a dialog for 1.5 s
    expect(await pacer.beforeAction()).toBe(2000);
    pacer.actionEnded();
    time.advance(60_000);
    expect(await pacer.beforeAction()).toBe(0);
    expect(time.sleeps).toEqual([2000]);
  });

  it('dwells per kind of page, in two halves with a step between', async () => {
    const time = new FakeTime('2025-03-04T15:00:00Z');
    const pacer = new Pacer({
      clock: time.clock,
      sleep: time.sleep,
      random: sequence(0.25),
      dwellMs: { profile: [4000, 8000] },
    });
    let stepAt = 0;
    const start = time.clock.now().getTime();
    expect(
      await pacer.dwell('profile', undefined, async () => void (stepAt = time.clock.now().getTime() - start)),
    ).toBe(5000);
    expect(stepAt).toBe(2500);
    expect(await pacer.dwell('search_results')).toBe(4000 + 1250); // default 4–9 s at 0.25
  });

  it('refuses ranges that make no sense', () => {
    expect(() => new Pacer({ pauseMs: [5000, 2000] })).toThrow(/min ≤ max/);
    expect(() => new Pacer({ dwellMs: { profile: [-1, 10] } })).toThrow(/profile dwell/);
  });

  it('stops sleeping when aborted, with the reason given', async () => {
    const cancel = new AbortController();
    const sleeping = realSleep(10_000, cancel.signal);
    cancel.abort(new Error('job cancelled'));
    await expect(sleeping).rejects.toThrow('job cancelled');
  });
});

describe('the one-at-a-time lock', () => {
  it('runs tasks in the order asked, never two at once', async () => {
    const lock = new SerialLock();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, ms: number) =>
      lock.run(async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`end ${name}`);
        running--;
        return name;
      });
    expect(await Promise.all([task('a', 30), task('b', 1), task('c', 10)])).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(lock.pending).toBe(0);
  });

  it('goes on after a task fails', async () => {
    const lock = new SerialLock();
    await expect(lock.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lock.run(async () => 'next')).toBe('next');
  });

  it('drops a waiting task when its signal aborts, and keeps the others in order', async () => {
    const lock = new SerialLock();
    let release!: () => void;
    const first = lock.run(() => new Promise<string>((resolve) => (release = () => resolve('first'))));
    const cancel = new AbortController();
    let secondRan = false;
    const second = lock.run(async () => {
      secondRan = true;
    }, cancel.signal);
    const third = lock.run(async () => 'third');
    expect(lock.pending).toBe(3);
    cancel.abort(new Error('cancelled'));
    await expect(second).rejects.toThrow('cancelled');
    release();
    expect(await first).toBe('first');
    expect(await third).toBe('third');
    expect(secondRan).toBe(false);
    expect(lock.pending).toBe(0);
  });

  it('refuses at once when already aborted', async () => {
    const lock = new SerialLock();
    const cancel = new AbortController();
    cancel.abort(new Error('too late'));
    expect(() => lock.run(async () => 1, cancel.signal)).toThrow('too late');
  });
});
