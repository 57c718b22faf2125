import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/core/db/database';
import { dashboardData } from '../../../src/main/core/dashboard/handlers';
import { factorOutcomes } from '../../../src/main/core/dashboard/factorOutcomes';
import { freshDb } from '../../helpers/importing';
import { handClock } from '../../helpers/tables';
import { DASHBOARD_NOW, fillDashboardFixture } from '../../helpers/dashboardFixture';
import { fillPipeline } from '../../helpers/pipeline';
import { writeSettings } from '../../../src/main/core/settings/settingsStore';
import { calls } from '../../../src/shared/contract';
import type { ScoreBreakdown } from '../../../src/shared/domain/settings/scoring';

/**
 * The dashboard's figures against a fixture whose answers are worked out by hand:
 * - people: 1 Ann (CEO, email, HOT, approved, connection), 2 Bob (VP, HOT, approved, search),
 *   3 Cid (Director, a verified email, WARM, approved, roster), 4 Dee (Estimator, email, COLD,
 *   roster), 5 Eve (Owner, WARM, GTM list), 6 Fay (no title, not scored); 7 is merged into Ann.
 * - sent actions: 1 Ann invite → accepted, replied; 2 Bob invite → accepted; 3 Cid email → no
 *   response; 4 Cid follow-up → replied; 5 Eve invite → sent. Not sent: 6 planned, 7 skipped.
 */
describe('dashboard figures', () => {
  let fresh: ReturnType<typeof freshDb>;
  let db: Db;
  const clock = handClock(DASHBOARD_NOW);
  beforeEach(() => {
    fresh = freshDb();
    db = fresh.db;
    fillDashboardFixture(db);
  });
  afterEach(() => fresh.cleanup());

  it('counts the funnel and the tiers', () => {
    const data = dashboardData(db, clock, 7, 'UTC');
    expect(data.contacts).toBe(6);
    expect(Object.fromEntries(data.funnel.map((s) => [s.id, s.count]))).toEqual({
      imported: 6,
      atl: 4, // Ann, Bob, Cid, Eve
      email: 2, // Ann (on the record), Cid (found)
      approved: 3,
      contacted: 4, // Ann, Bob, Cid, Eve
      accepted: 2, // Ann, Bob
      replied: 2, // Ann, Cid
    });
    expect(data.tiers).toEqual([
      { tier: 'HOT', count: 2 },
      { tier: 'WARM', count: 2 },
      { tier: 'COLD', count: 1 },
      { tier: 'Not scored', count: 1 },
    ]);
  });

  it('computes reply and acceptance rates by tier, source, template and segment', () => {
    const { rates } = dashboardData(db, clock, 7, 'UTC');
    const view = (rows: typeof rates.tier) =>
      Object.fromEntries(rows.map((r) => [r.group, [r.sent, r.replied, r.invites, r.accepted]]));
    expect(view(rates.tier)).toEqual({ HOT: [2, 1, 2, 2], WARM: [3, 1, 1, 0] });
    expect(rates.tier.map((r) => r.group)).toEqual(['HOT', 'WARM']);
    expect(rates.tier[0]).toMatchObject({ replyRate: 0.5, acceptanceRate: 1 });
    expect(rates.tier[1]!.replyRate).toBeCloseTo(1 / 3);
    expect(rates.tier[1]!.acceptanceRate).toBe(0);
    expect(view(rates.template)).toEqual({ 'Short hello': [3, 1, 3, 2], 'Email intro': [2, 1, 0, 0] });
    expect(rates.template.find((r) => r.group === 'Email intro')!.acceptanceRate).toBeNull();
    expect(view(rates.source)).toEqual({
      'LinkedIn connection': [1, 1, 1, 1],
      'LinkedIn search': [1, 0, 1, 1],
      'License roster': [2, 1, 0, 0],
      'GTM list': [1, 0, 1, 0],
    });
    expect(view(rates.state)).toEqual({ CA: [3, 1, 3, 2], TX: [2, 1, 0, 0] });
    expect(view(rates.licenseType)).toEqual({
      'C-10': [2, 1, 2, 2],
      Unknown: [2, 1, 0, 0],
      'C-36': [1, 0, 1, 0],
    });
    expect(view(rates.industry)).toEqual({
      Construction: [2, 1, 2, 2],
      Roofing: [2, 1, 0, 0],
      Plumbing: [1, 0, 1, 0],
    });
  });

  it('adds up quota use per local day: used and synced count, refunds and limit notices do not', () => {
    const { quotas } = dashboardData(db, clock, 7, 'UTC');
    expect(quotas.names).toEqual(['hunter.search', 'linkedin.invite']);
    expect(quotas.days.map((d) => d.day)).toEqual([
      '2025-06-09',
      '2025-06-10',
      '2025-06-11',
      '2025-06-12',
      '2025-06-13',
      '2025-06-14',
      '2025-06-15',
    ]);
    expect(Object.fromEntries(quotas.days.map((d) => [d.day, d.used]))).toMatchObject({
      '2025-06-13': { 'hunter.search': 5 },
      '2025-06-14': { 'linkedin.invite': 2 },
      '2025-06-15': { 'linkedin.invite': 2 },
      '2025-06-12': {},
    });
    // Two hours east of UTC (Johannesburg, no DST), 23:30 UTC is already the next day.
    const east = dashboardData(db, clock, 7, 'Africa/Johannesburg').quotas.days;
    expect(east.find((d) => d.day === '2025-06-14')!.used).toEqual({ 'linkedin.invite': 1 });
    expect(east.find((d) => d.day === '2025-06-15')!.used).toEqual({ 'linkedin.invite': 3 });
  });

  it('shows the reply and acceptance rates per scoring factor level', () => {
    const outcomes = factorOutcomes(db);
    expect(outcomes.sent).toBe(5);
    const title = outcomes.factors.find((f) => f.factor === 'title')!;
    expect(
      title.levels.map((l) => [l.points, l.label, l.leads, l.sent, l.replied, l.invites, l.accepted]),
    ).toEqual([
      [40, 'Chief executive', 1, 1, 1, 1, 1],
      // Two default rules pay 35: the level names both.
      [35, 'President, founder or owner / Chief officer', 1, 1, 0, 1, 0],
      [30, 'Vice president', 1, 1, 0, 1, 1],
      [20, 'Director', 1, 2, 1, 0, 0],
    ]); // Dee (Estimator, 10 points) was sent nothing: no outcome at that level yet
    expect(title.replyLift).toBeCloseTo(75); // 1/1 at the top against 1/4 below
    const email = outcomes.factors.find((f) => f.factor === 'email')!;
    expect(email.levels.map((l) => [l.label, l.leads, l.sent, l.replied])).toEqual([
      ['Email known', 2, 3, 2],
      ['No email', 2, 2, 0],
    ]);
    expect(email.replyLift).toBeCloseTo(200 / 3);
    expect(email.levels[0]!.replyRate).toBeCloseTo(2 / 3);
  });

  it('reads every factor level from breakdowns as scoring writes them, as a JSON parser would', async () => {
    const scored = freshDb();
    try {
      await fillPipeline(scored.db);
      const expected = new Map<string, number>();
      const contacted = scored.db
        .prepare('SELECT breakdown FROM scores WHERE contact_id IN (SELECT contact_id FROM outreach_actions)')
        .pluck()
        .all() as string[];
      for (const breakdown of contacted) {
        for (const f of (JSON.parse(breakdown) as ScoreBreakdown).factors) {
          const level = f.factor === 'icp' ? Math.sign(f.points) : f.points;
          expected.set(`${f.factor}:${level}`, (expected.get(`${f.factor}:${level}`) ?? 0) + 1);
        }
      }
      expect(expected.size).toBeGreaterThanOrEqual(5);
      const outcomes = factorOutcomes(scored.db);
      const got = new Map(
        outcomes.factors.flatMap((f) => f.levels.map((l) => [`${f.factor}:${l.points}`, l.leads])),
      );
      expect(got).toEqual(expected);
      expect(outcomes.sent).toBe(3);
    } finally {
      scored.cleanup();
    }
  });

  it('shows nothing (but no error) on an empty database', () => {
    const empty = freshDb();
    try {
      const data = dashboardData(empty.db, clock, 30, 'UTC');
      expect(data.contacts).toBe(0);
      expect(data.funnel.every((s) => s.count === 0)).toBe(true);
      expect(data.rates.tier).toEqual([]);
      expect(data.quotas.days).toHaveLength(30);
      expect(factorOutcomes(empty.db)).toEqual({ sent: 0, factors: [] });
    } finally {
      empty.cleanup();
    }
  });
});

describe("dashboard days are the seller's, in their outreach time zone", () => {
  let fresh: ReturnType<typeof freshDb>;
  let db: Db;
  beforeEach(() => {
    fresh = freshDb();
    db = fresh.db;
  });
  afterEach(() => fresh.cleanup());

  /** The seller works in `timeZone` (whatever zone this computer is in), and these invites were used. */
  function seller(timeZone: string, ats: string[]) {
    writeSettings(db, 'outreach', { timeZone }, handClock('2020-01-01T00:00:00Z'));
    const ledger = db.prepare(
      `INSERT INTO quota_ledger (quota, at, units, outcome) VALUES (?, ?, 1, 'used')`,
    );
    for (const at of ats) ledger.run('linkedin.invite', at);
  }
  const usedByDay = (clock: { now(): Date }, days = 7) =>
    Object.fromEntries(
      dashboardData(db, clock, days).quotas.days.map((d) => [d.day, d.used['linkedin.invite'] ?? 0]),
    );

  it('puts actions either side of a spring-forward change on their Los Angeles days', () => {
    // 2026-03-08 02:00 PST became 03:00 PDT (10:00 UTC); "now" is in PDT (UTC-7), but the early
    // hours of the 8th were PST (UTC-8): one fixed offset would move 07:30Z onto the 8th.
    seller('America/Los_Angeles', [
      '2026-03-08T07:30:00.000Z', // 7 March 23:30 PST
      '2026-03-08T08:30:00.000Z', // 8 March 00:30 PST
      '2026-03-09T06:30:00.000Z', // 8 March 23:30 PDT
      '2026-03-09T07:30:00.000Z', // 9 March 00:30 PDT
    ]);
    const clock = handClock('2026-03-09T19:00:00Z'); // 9 March 12:00 PDT
    expect(usedByDay(clock)).toEqual({
      '2026-03-03': 0,
      '2026-03-04': 0,
      '2026-03-05': 0,
      '2026-03-06': 0,
      '2026-03-07': 1,
      '2026-03-08': 2,
      '2026-03-09': 1,
    });
  });

  it('counts 23:30 on the last day of a Los Angeles month on that day, not on the next (UTC) one', () => {
    seller('America/Los_Angeles', ['2026-02-01T07:30:00.000Z']); // 31 January 23:30 PST
    const clock = handClock('2026-02-01T20:00:00Z'); // 1 February 12:00 PST
    const days = dashboardData(db, clock, 7).quotas.days;
    expect(days.at(-1)!.day).toBe('2026-02-01');
    expect(days.find((d) => d.day === '2026-01-31')!.used).toEqual({ 'linkedin.invite': 1 });
    expect(days.at(-1)!.used).toEqual({});
  });

  it("starts the window at the seller's midnight 30 days back, across the autumn change", () => {
    // 2025-11-02 02:00 PDT became 01:00 PST; the window's first day, 5 October, began at 07:00Z (PDT).
    seller('America/Los_Angeles', [
      '2025-10-05T06:59:00.000Z', // 4 October 23:59 PDT: before the window
      '2025-10-05T07:00:00.000Z', // 5 October 00:00 PDT: its first minute
      '2025-11-03T07:59:00.000Z', // 2 November 23:59 PST
      '2025-11-03T08:00:00.000Z', // 3 November 00:00 PST: tomorrow, not counted
    ]);
    const clock = handClock('2025-11-02T20:00:00Z'); // 2 November 12:00 PST
    const byDay = usedByDay(clock, 29);
    expect(Object.keys(byDay)[0]).toBe('2025-10-05');
    expect(Object.keys(byDay).at(-1)).toBe('2025-11-02');
    expect(byDay['2025-10-05']).toBe(1);
    expect(byDay['2025-11-02']).toBe(1);
    expect(Object.values(byDay).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('is asked for days only: the contract no longer takes an offset from the renderer', () => {
    const input = calls['dashboard.data'].input;
    expect(input.safeParse({ quotaDays: 30 }).success).toBe(true);
    expect(input.safeParse({ quotaDays: 30, tzOffsetMinutes: 420 }).success).toBe(false);
  });
});
