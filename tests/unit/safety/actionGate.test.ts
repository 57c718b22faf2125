import { describe, expect, it } from 'vitest';
import { ActionRefused, DEFAULT_ACTION_CAPS } from '../../../src/main/core/safety/actionGate';
import { InMemoryActionGate } from '../../../src/main/core/safety/memoryActionGate';
import { withWorkingHours } from '../../../src/main/core/safety/workingHoursGate';
import { FakeTime } from './support/fakeTime';

const CHICAGO = 'America/Chicago';

describe('the in-memory action gate', () => {
  it('books up to the daily cap, then refuses until the seller’s midnight', async () => {
    const time = new FakeTime('2025-03-04T16:00:00Z'); // Tuesday 10:00 in Chicago
    const gate = new InMemoryActionGate({
      clock: time.clock,
      timeZone: CHICAGO,
      caps: { invite: { perDay: 3 } },
    });
    for (let i = 0; i < 3; i++)
      expect((await gate.reserve('invite', { type: 'contact', id: i })).ok).toBe(true);
    expect(await gate.reserve('invite')).toEqual({
      ok: false,
      reason: 'daily_cap',
      message: "The day's 3 invitations are used up.",
      retryAt: new Date('2025-03-05T06:00:00Z'),
    });
    // Other kinds are counted on their own.
    expect((await gate.reserve('search')).ok).toBe(true);
    time.set('2025-03-05T06:00:00Z');
    expect((await gate.reserve('invite')).ok).toBe(true);
    expect(gate.bookings[0]!.ref).toEqual({ type: 'contact', id: 0 });
  });

  it('applies the weekly cap across days, and resets on Monday', async () => {
    const time = new FakeTime('2025-03-03T15:00:00Z'); // Monday 09:00 in Chicago
    const gate = new InMemoryActionGate({ clock: time.clock, timeZone: CHICAGO, caps: DEFAULT_ACTION_CAPS });
    for (let day = 0; day < 5; day++) {
      for (let i = 0; i < 20; i++) expect((await gate.reserve('invite')).ok).toBe(true);
      expect(await gate.reserve('invite')).toMatchObject({ ok: false, reason: 'daily_cap' });
      time.advance(24 * 3600_000);
    }
    // Saturday: the day is fresh but the week's 100 are used.
    expect(await gate.reserve('invite')).toEqual({
      ok: false,
      reason: 'weekly_cap',
      message: "The week's 100 invitations are used up.",
      retryAt: new Date('2025-03-10T05:00:00Z'), // Monday 00:00 CDT
    });
    time.set('2025-03-10T05:00:00Z');
    expect((await gate.reserve('invite')).ok).toBe(true);
  });

  it('applies the monthly InMail cap, resetting on the 1st', async () => {
    const time = new FakeTime('2025-03-28T15:00:00Z');
    const gate = new InMemoryActionGate({
      clock: time.clock,
      timeZone: CHICAGO,
      caps: { inmail: { perMonth: 2 } },
    });
    await gate.reserve('inmail');
    await gate.reserve('inmail');
    expect(await gate.reserve('inmail')).toMatchObject({
      ok: false,
      reason: 'monthly_cap',
      retryAt: new Date('2025-04-01T05:00:00Z'),
    });
  });

  it('gives a refunded unit back', async () => {
    const time = new FakeTime('2025-03-04T16:00:00Z');
    const gate = new InMemoryActionGate({
      clock: time.clock,
      timeZone: CHICAGO,
      caps: { invite: { perDay: 1 } },
    });
    const first = await gate.reserve('invite');
    expect(first.ok).toBe(true);
    expect((await gate.reserve('invite')).ok).toBe(false);
    if (first.ok) await gate.refund(first.id);
    expect(gate.used('invite')).toBe(0);
    expect((await gate.reserve('invite')).ok).toBe(true);
  });

  it("refuses a kind after LinkedIn's own limit notice, until its period turns", async () => {
    const time = new FakeTime('2025-03-05T16:00:00Z'); // Wednesday
    const gate = new InMemoryActionGate({ clock: time.clock, timeZone: CHICAGO });
    await gate.recordLimitNotice('invite', 'You’ve reached the weekly invitation limit');
    expect(await gate.reserve('invite')).toEqual({
      ok: false,
      reason: 'limit_notice',
      message:
        'LinkedIn said "You’ve reached the weekly invitation limit"; no invitations until the limit resets.',
      retryAt: new Date('2025-03-10T05:00:00Z'),
    });
    expect((await gate.reserve('profile_view')).ok).toBe(true);
  });

  it('turns a refusal into a typed error with its code', () => {
    const error = new ActionRefused('invite', {
      ok: false,
      reason: 'weekly_cap',
      message: 'used up',
      retryAt: new Date('2025-03-10T05:00:00Z'),
    });
    expect(error).toMatchObject({
      code: 'quota_exceeded',
      details: { kind: 'invite', reason: 'weekly_cap', retryAt: '2025-03-10T05:00:00.000Z' },
    });
  });
});

describe('working hours around a gate', () => {
  const hours = { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00', timeZone: CHICAGO };

  it('books nothing outside working hours', async () => {
    const time = new FakeTime('2025-03-04T23:00:00Z'); // Tuesday 17:00
    const inner = new InMemoryActionGate({ clock: time.clock, timeZone: CHICAGO });
    const gate = withWorkingHours(inner, { hours, clock: time.clock });
    expect(await gate.reserve('search')).toEqual({
      ok: false,
      reason: 'outside_working_hours',
      message: 'LinkedIn actions wait for working hours (09:00–17:00).',
      retryAt: new Date('2025-03-05T15:00:00Z'),
    });
    expect(inner.bookings).toEqual([]);
    time.set('2025-03-04T22:59:00Z'); // 16:59
    expect((await gate.reserve('search')).ok).toBe(true);
  });

  it('moves a cap’s reset at Friday midnight to Monday 09:00', async () => {
    const time = new FakeTime('2025-03-07T22:00:00Z'); // Friday 16:00
    const inner = new InMemoryActionGate({
      clock: time.clock,
      timeZone: CHICAGO,
      caps: { invite: { perDay: 0 } },
    });
    const gate = withWorkingHours(inner, { hours, clock: time.clock });
    expect(await gate.reserve('invite')).toMatchObject({
      reason: 'daily_cap',
      retryAt: new Date('2025-03-10T14:00:00Z'),
    });
  });
});
