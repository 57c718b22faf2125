import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { StillClock, useOutreachSettings } from '../../helpers/leads';
import { openDatabase } from '../../../src/main/core/db/database';
import { DEFAULT_ACTION_CAPS, ACTION_KINDS } from '../../../src/main/core/safety/actionGate';
import { withWorkingHours } from '../../../src/main/core/safety/workingHoursGate';
import { readQuotaConfig, type QuotaConfig } from '../../../src/main/core/quotas/config';
import {
  checkQuotas,
  recordNotice,
  refundBooking,
  reserveUnits,
  usedIn,
} from '../../../src/main/core/quotas/ledger';
import { ACTION_KEYS, LedgerActionGate } from '../../../src/main/core/quotas/ledgerActionGate';
import { quotaMeters, usageByDay } from '../../../src/main/core/quotas/quotaStatus';
import { windowAt } from '../../../src/main/core/quotas/windows';
import { QUOTAS } from '../../../src/shared/domain/quotas';
import { DEFAULT_QUOTA_LIMITS } from '../../../src/shared/domain/settings/outreach';

const LA = 'America/Los_Angeles';

describe('quota windows on the seller’s calendar', () => {
  it('a day runs midnight to midnight in the seller’s zone, 23 and 25 hours on DST days', () => {
    // 2026-03-08: clocks in Los Angeles jump from 02:00 to 03:00.
    const spring = windowAt(new Date('2026-03-08T20:00:00Z'), 'day', LA);
    expect(spring).toEqual({
      start: new Date('2026-03-08T08:00:00Z'),
      end: new Date('2026-03-09T07:00:00Z'),
    });
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3600_000);
    // 2026-11-01: 02:00 falls back to 01:00.
    const autumn = windowAt(new Date('2026-11-01T20:00:00Z'), 'day', LA);
    expect(autumn).toEqual({
      start: new Date('2026-11-01T07:00:00Z'),
      end: new Date('2026-11-02T08:00:00Z'),
    });
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3600_000);
  });

  it('a rolling week is today and the six days before, across a DST change', () => {
    const week = windowAt(new Date('2026-03-10T18:00:00Z'), 'week', LA); // Tuesday 11:00 PDT
    expect(week).toEqual({ start: new Date('2026-03-04T08:00:00Z'), end: new Date('2026-03-11T07:00:00Z') });
  });

  it('a month resets on the 1st at the seller’s midnight, not UTC’s', () => {
    // 2026-03-31 23:30 in Los Angeles is already April 1st in UTC.
    expect(windowAt(new Date('2026-04-01T06:30:00Z'), 'month', LA)).toEqual({
      start: new Date('2026-03-01T08:00:00Z'),
      end: new Date('2026-04-01T07:00:00Z'),
    });
    expect(windowAt(new Date('2026-04-01T07:00:00Z'), 'month', LA).start).toEqual(
      new Date('2026-04-01T07:00:00Z'),
    );
  });
});

describe('the quota ledger', () => {
  let t: ReturnType<typeof freshDb>;
  let clock: StillClock;
  let config: QuotaConfig;
  const book = (key: Parameters<typeof reserveUnits>[1], at: string, units = 1) =>
    reserveUnits(t.db, key, new Date(at), units, config);

  beforeEach(() => {
    t = freshDb();
    clock = new StillClock('2026-03-02T17:00:00Z');
    config = useOutreachSettings(t.db, clock, {
      timeZone: LA,
      limits: { invite_day: 3, invite_week: 5, inmail_month: 2, email_day: 2 },
    });
  });
  afterEach(() => t.cleanup());

  it('keeps the settings’ defaults and the safety module’s caps the same numbers', () => {
    for (const kind of ACTION_KINDS) {
      const caps = DEFAULT_ACTION_CAPS[kind];
      const limits = QUOTAS.filter((q) => q.key === ACTION_KEYS[kind]);
      const asCaps = Object.fromEntries(
        limits.map((q) => [
          { day: 'perDay', week: 'perWeek', month: 'perMonth' }[q.window],
          DEFAULT_QUOTA_LIMITS[q.id],
        ]),
      );
      expect(asCaps, kind).toEqual(caps);
    }
  });

  it('refuses the unit after the day’s last, and gives it back at the seller’s midnight', () => {
    for (let i = 0; i < 3; i++) expect(book('linkedin.invite', '2026-03-02T17:00:00Z').ok).toBe(true);
    const refused = book('linkedin.invite', '2026-03-03T07:59:59Z'); // 23:59:59 PST, same day
    expect(refused).toMatchObject({
      ok: false,
      quota: 'invite_day',
      reason: 'daily_cap',
      retryAt: new Date('2026-03-03T08:00:00Z'),
    });
    expect(refused.ok ? '' : refused.message).toBe(
      "Today's 3 invites are used (limit 3 a day); more from 2026-03-03 00:00 (America/Los_Angeles).",
    );
    expect(book('linkedin.invite', '2026-03-03T08:00:00Z').ok).toBe(true);
    expect(t.db.prepare(`SELECT count(*) FROM quota_ledger WHERE outcome = 'used'`).pluck().get()).toBe(4);
  });

  it('holds a rolling week: a unit frees at the midnight seven days after its day', () => {
    // Monday to Friday, one invite a day, then two on Friday: the week's 5 are used by Thursday.
    for (const at of ['2026-03-02T17:00:00Z', '2026-03-03T17:00:00Z', '2026-03-04T17:00:00Z'])
      expect(book('linkedin.invite', at).ok).toBe(true);
    expect(book('linkedin.invite', '2026-03-05T17:00:00Z', 2).ok).toBe(true);
    const refused = book('linkedin.invite', '2026-03-06T17:00:00Z');
    // Monday 2 March's invite leaves the window at the start of Monday 9 March, PDT by then.
    expect(refused).toMatchObject({
      ok: false,
      reason: 'weekly_cap',
      retryAt: new Date('2026-03-09T07:00:00Z'),
    });
    expect(book('linkedin.invite', '2026-03-09T06:59:59Z').ok).toBe(false); // Sunday 23:59:59 PDT
    expect(book('linkedin.invite', '2026-03-09T07:00:00Z').ok).toBe(true);
  });

  it('holds every rolling week a late-entered unit falls in, not only the one ending on its day', () => {
    expect(book('linkedin.invite', '2026-03-04T17:00:00Z', 3).ok).toBe(true); // Wednesday
    expect(book('linkedin.invite', '2026-03-05T17:00:00Z', 2).ok).toBe(true); // Thursday: the week's 5
    // Monday's week holds nothing yet, but the week to Thursday would hold 6.
    const refused = book('linkedin.invite', '2026-03-02T17:00:00Z');
    expect(refused).toEqual({
      ok: false,
      quota: 'invite_week',
      reason: 'weekly_cap',
      message:
        'The 7 days to 2026-03-05 already hold 5 invites (limit 5 a rolling week); one more on 2026-03-02 would pass it.',
    });
    // The Thursday before is in the week to Wednesday (3 of 5) but not in the week to Thursday.
    expect(book('linkedin.invite', '2026-02-26T17:00:00Z').ok).toBe(true);
    expect(book('linkedin.invite', '2026-02-27T17:00:00Z').ok).toBe(false);
    for (let day = 26; day <= 31 + 5; day++) {
      const end = new Date(Date.UTC(2026, 1, day + 1, 8));
      const start = new Date(end.getTime() - 7 * 86_400_000);
      expect(usedIn(t.db, 'linkedin.invite', start, end), `week to Feb ${day}`).toBeLessThanOrEqual(5);
    }
  });

  it('when the day and the week are both full, says when both allow it', () => {
    config = { ...config, limits: { ...config.limits, invite_day: 2, invite_week: 2 } };
    expect(book('linkedin.invite', '2026-03-02T17:00:00Z', 2).ok).toBe(true);
    expect(book('linkedin.invite', '2026-03-02T18:00:00Z')).toMatchObject({
      reason: 'weekly_cap',
      retryAt: new Date('2026-03-09T07:00:00Z'),
    });
  });

  it('counts InMails per calendar month in the seller’s zone, across the month’s end', () => {
    expect(book('linkedin.inmail', '2026-03-31T20:00:00Z').ok).toBe(true);
    expect(book('linkedin.inmail', '2026-04-01T06:59:00Z').ok).toBe(true); // 23:59 on 31 March, PDT
    expect(book('linkedin.inmail', '2026-04-01T06:59:30Z')).toMatchObject({
      ok: false,
      reason: 'monthly_cap',
      retryAt: new Date('2026-04-01T07:00:00Z'),
    });
    expect(book('linkedin.inmail', '2026-04-01T07:00:00Z').ok).toBe(true); // April, in Los Angeles
  });

  it('counts a day on the DST change days by the wall clock', () => {
    config = { ...config, limits: { ...config.limits, invite_day: 1, invite_week: 100 } };
    expect(book('linkedin.invite', '2026-03-08T08:30:00Z').ok).toBe(true); // 00:30 PST, 8 March
    expect(book('linkedin.invite', '2026-03-09T06:59:00Z').ok).toBe(false); // 23:59 PDT, same day
    expect(book('linkedin.invite', '2026-03-09T07:00:00Z').ok).toBe(true);
    expect(book('linkedin.invite', '2026-11-01T07:30:00Z').ok).toBe(true); // 00:30 PDT, 1 November
    expect(book('linkedin.invite', '2026-11-02T07:30:00Z').ok).toBe(false); // 23:30 PST, same day
    expect(book('linkedin.invite', '2026-11-02T08:00:00Z').ok).toBe(true);
  });

  it('gives a refunded unit back, and refunds only once', () => {
    config = { ...config, limits: { ...config.limits, email_day: 1 } };
    const first = book('email.send', '2026-03-02T17:00:00Z');
    expect(book('email.send', '2026-03-02T17:05:00Z').ok).toBe(false);
    if (!first.ok) throw new Error('first booking refused');
    expect(refundBooking(t.db, first.id)).toBe(true);
    expect(refundBooking(t.db, first.id)).toBe(false);
    expect(book('email.send', '2026-03-02T17:10:00Z').ok).toBe(true);
  });

  it('a LinkedIn limit notice stops invites for a week, whatever the counts say', () => {
    const at = new Date('2026-03-04T19:00:00Z'); // Wednesday 11:00 PST
    const notice = recordNotice(
      t.db,
      'linkedin.invite',
      'You’ve reached the weekly invitation limit',
      at,
      LA,
    );
    expect(notice.until).toBe('2026-03-11T18:00:00.000Z'); // Wednesday 11:00 PDT
    expect(book('linkedin.invite', '2026-03-10T19:00:00Z')).toMatchObject({
      ok: false,
      reason: 'limit_notice',
      retryAt: new Date('2026-03-11T18:00:00Z'),
    });
    expect(book('linkedin.inmail', '2026-03-05T19:00:00Z').ok).toBe(true);
    expect(book('linkedin.invite', '2026-03-11T18:00:00Z').ok).toBe(true);
    const meter = quotaMeters(t.db, new Date('2026-03-06T19:00:00Z'), config).find(
      (m) => m.id === 'invite_week',
    )!;
    expect(meter).toMatchObject({ level: 'exhausted', remaining: 0, used: 0 });
    expect(meter.notice?.message).toBe('You’ve reached the weekly invitation limit');
  });

  it('a second connection, and a reopened database, see the same count', () => {
    config = { ...config, limits: { ...config.limits, invite_day: 1 } };
    const other = openDatabase(t.file);
    try {
      expect(reserveUnits(other, 'linkedin.invite', new Date('2026-03-02T17:00:00Z'), 1, config).ok).toBe(
        true,
      );
      expect(book('linkedin.invite', '2026-03-02T17:01:00Z').ok).toBe(false);
    } finally {
      other.close();
    }
    t.db.close();
    const reopened = openDatabase(t.file);
    try {
      expect(reserveUnits(reopened, 'linkedin.invite', new Date('2026-03-02T18:00:00Z'), 1, config).ok).toBe(
        false,
      );
    } finally {
      reopened.close();
    }
  });

  it('meters say used of limit, when each resets, and warn at 80%', () => {
    config = { ...config, limits: { ...config.limits, invite_day: 5, invite_week: 10 } };
    for (let i = 0; i < 4; i++) book('linkedin.invite', '2026-03-02T17:00:00Z');
    const meters = quotaMeters(t.db, new Date('2026-03-02T20:00:00Z'), config);
    const day = meters.find((m) => m.id === 'invite_day')!;
    expect(day).toMatchObject({ used: 4, limit: 5, remaining: 1, level: 'warning' });
    expect(day.resetsAt).toBe('2026-03-03T08:00:00.000Z');
    const week = meters.find((m) => m.id === 'invite_week')!;
    expect(week).toMatchObject({ used: 4, level: 'ok', resetsAt: '2026-03-09T07:00:00.000Z' });
    const inmail = meters.find((m) => m.id === 'inmail_month')!;
    expect(inmail).toMatchObject({ used: 0, limit: 2, level: 'ok', resetsAt: '2026-04-01T07:00:00.000Z' });
    const usage = usageByDay(t.db, new Date('2026-03-03T20:00:00Z'), 30, LA);
    expect(usage).toHaveLength(30);
    expect(usage.at(-2)).toEqual({ date: '2026-03-02', used: { 'linkedin.invite': 4 } });
    expect(usage.at(-1)).toEqual({ date: '2026-03-03', used: {} });
  });

  it('reads its limits and zone from Settings; an empty zone is the computer’s', () => {
    expect(readQuotaConfig(t.db).limits.invite_day).toBe(3);
    useOutreachSettings(t.db, clock, { timeZone: '' });
    expect(readQuotaConfig(t.db).timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(checkQuotas(t.db, 'linkedin.invite', clock.now(), 21, readQuotaConfig(t.db))).toMatchObject({
      quota: 'invite_day',
      message:
        "Only 20 of today's 20 invites are left; this needs 21; raise the limit in Settings to do more.",
    });
  });
});

describe('the ledger as the LinkedIn actions’ ActionGate', () => {
  let t: ReturnType<typeof freshDb>;
  afterEach(() => t.cleanup());

  it('books, refuses at the cap, refunds, and keeps a limit notice', async () => {
    t = freshDb();
    const clock = new StillClock('2026-03-03T18:00:00Z'); // Tuesday 10:00 PST
    useOutreachSettings(t.db, clock, { timeZone: LA, limits: { profile_view_day: 2 } });
    const gate = new LedgerActionGate(t.db, { clock });
    const first = await gate.reserve('profile_view', { type: 'contact', id: 7 });
    expect(first.ok).toBe(true);
    expect((await gate.reserve('profile_view')).ok).toBe(true);
    expect(await gate.reserve('profile_view')).toMatchObject({
      ok: false,
      reason: 'daily_cap',
      retryAt: new Date('2026-03-04T08:00:00Z'),
    });
    if (first.ok) await gate.refund(first.id);
    expect((await gate.reserve('profile_view')).ok).toBe(true);
    expect(
      t.db.prepare(`SELECT ref_type, ref_id, outcome FROM quota_ledger ORDER BY id LIMIT 1`).get(),
    ).toEqual({ ref_type: 'contact', ref_id: 7, outcome: 'refunded' });

    await gate.recordLimitNotice('search', 'You’ve reached the monthly limit for profile searches');
    expect(await gate.reserve('search')).toMatchObject({
      reason: 'limit_notice',
      retryAt: new Date('2026-04-01T07:00:00Z'),
    });
  });

  it('with working hours around it, books nothing outside them', async () => {
    t = freshDb();
    const clock = new StillClock('2026-03-07T18:00:00Z'); // Saturday
    useOutreachSettings(t.db, clock, { timeZone: LA });
    const config = readQuotaConfig(t.db);
    const gate = withWorkingHours(new LedgerActionGate(t.db, { clock }), { hours: config.hours, clock });
    expect(await gate.reserve('invite')).toMatchObject({
      reason: 'outside_working_hours',
      retryAt: new Date('2026-03-09T16:00:00Z'), // Monday 09:00 PDT
    });
    expect(usedIn(t.db, 'linkedin.invite', new Date(0), new Date('2030-01-01'))).toBe(0);
  });
});
