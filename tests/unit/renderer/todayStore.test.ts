import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { StillClock, useOutreachSettings } from '../../helpers/leads';
import { outreachHandlers } from '../../../src/main/core/outreach/handlers';
import type { CoreContext } from '../../../src/main/core/context';
import { ok } from '../../../src/shared/contract/result';
import { todayIn, useToday } from '../../../src/renderer/src/stores/todayStore';

const LA = 'America/Los_Angeles';

/**
 * The Today page's store over the real queue handler and database, with the clock the test sets
 * for both sides (the core's "today" and the page's), as when the app is left open overnight.
 */
describe('the Today page’s day', () => {
  let t: ReturnType<typeof freshDb>;
  const setNow = (at: string) => vi.setSystemTime(new Date(at));

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    setNow('2026-03-03T07:50:00Z'); // Monday 2 March, 23:50 in Los Angeles
    t = freshDb();
    useOutreachSettings(t.db, new StillClock('2026-03-02T17:00:00Z'), { timeZone: LA });
    const ctx = { db: t.db, clock: { now: () => new Date() } } as unknown as CoreContext;
    const api = {
      outreach: {
        queue: (input: { date?: string } | undefined) =>
          Promise.resolve(ok(outreachHandlers['outreach.queue'](input, ctx))),
      },
    };
    Object.assign(globalThis, { window: { api } });
    useToday.setState({ date: null, picked: null, queue: null });
  });
  afterEach(() => {
    vi.useRealTimers();
    t.cleanup();
  });

  it('follows the clock past midnight when the seller has not picked a day', async () => {
    await useToday.getState().load(null);
    expect(useToday.getState().date).toBe('2026-03-02');
    setNow('2026-03-03T08:10:00Z'); // Tuesday 00:10
    // What a change elsewhere (data.changed) does: reload, and it is Tuesday's queue now.
    await useToday.getState().load();
    expect(useToday.getState()).toMatchObject({ date: '2026-03-03', picked: null });
    expect(useToday.getState().queue?.date).toBe('2026-03-03');
    // Nothing changed overnight: the minute's check (and focus) moves on to Wednesday by itself.
    setNow('2026-03-04T16:00:00Z');
    await useToday.getState().followClock();
    expect(useToday.getState().date).toBe('2026-03-04');
  });

  it('a queue that arrives after an error was shown leaves that error in place', async () => {
    await useToday.getState().load(null);
    useToday.getState().setError('An old problem.');
    // A refetch asked for before the seller's next key press clears what came before it…
    await useToday.getState().load();
    expect(useToday.getState().error).toBeNull();
    // …but not a message shown while it was on its way (C pressed on a note with a blank).
    const refetch = useToday.getState().load();
    useToday.getState().setError('Write your own words in place of “[project]”.');
    await refetch;
    expect(useToday.getState().error).toBe('Write your own words in place of “[project]”.');
  });

  it('stays on a day the seller picked, until they pick today again', async () => {
    await useToday.getState().load(null);
    await useToday.getState().load('2026-02-27');
    setNow('2026-03-04T16:00:00Z');
    await useToday.getState().followClock();
    await useToday.getState().load();
    expect(useToday.getState()).toMatchObject({ date: '2026-02-27', picked: '2026-02-27' });
    // Picking today's date is "today": it follows the clock again.
    await useToday.getState().load('2026-03-04');
    expect(useToday.getState()).toMatchObject({ date: '2026-03-04', picked: null });
    setNow('2026-03-05T16:00:00Z');
    await useToday.getState().followClock();
    expect(useToday.getState().date).toBe('2026-03-05');
  });

  it('counts the day in the seller’s zone, not the computer’s', () => {
    expect(todayIn(LA, new Date('2026-03-03T07:50:00Z'))).toBe('2026-03-02');
    expect(todayIn('Asia/Tokyo', new Date('2026-03-03T07:50:00Z'))).toBe('2026-03-03');
  });
});
