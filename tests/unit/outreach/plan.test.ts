import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { StillClock, seedLeads, useOutreachSettings, warmLeads } from '../../helpers/leads';
import type { QuotaConfig } from '../../../src/main/core/quotas/config';
import { reserveUnits } from '../../../src/main/core/quotas/ledger';
import { applyPlan, previewPlan } from '../../../src/main/core/outreach/plan';
import { routeLead } from '../../../src/main/core/outreach/route';
import { addSuppressions } from '../../../src/main/core/suppression/suppressions';
import { decideLeads } from '../../../src/main/core/scoring/approvals';

const LA = 'America/Los_Angeles';

describe('routing one lead', () => {
  it('follows the architecture: HOT without email → InMail while they last, HOT with email → email, else invite', () => {
    const hot = { tier: 'HOT' as const, hasEmail: false, hasLinkedin: true };
    expect(routeLead(hot, 1)).toMatchObject({ kind: 'inmail', overflow: false });
    expect(routeLead(hot, 0)).toMatchObject({ kind: 'invite', overflow: true });
    expect(routeLead({ ...hot, hasEmail: true }, 5)).toMatchObject({ kind: 'email' });
    expect(routeLead({ ...hot, tier: 'WARM' }, 5)).toMatchObject({ kind: 'invite', overflow: false });
    expect(routeLead({ tier: 'COLD', hasEmail: true, hasLinkedin: true }, 5)).toMatchObject({
      kind: 'invite',
    });
    expect(routeLead({ tier: 'WARM', hasEmail: true, hasLinkedin: false }, 5)).toMatchObject({
      kind: 'email',
    });
    expect(routeLead({ tier: 'HOT', hasEmail: false, hasLinkedin: false }, 5)).toMatchObject({ kind: null });
  });
});

describe('the outreach plan', () => {
  let t: ReturnType<typeof freshDb>;
  let clock: StillClock;
  let config: QuotaConfig;
  const kinds = () =>
    t.db
      .prepare(
        `SELECT c.full_name AS name, a.kind FROM outreach_actions a JOIN contacts c ON c.id = a.contact_id ORDER BY c.full_name`,
      )
      .all();

  beforeEach(() => {
    t = freshDb();
    clock = new StillClock('2026-03-02T17:00:00Z'); // Monday 09:00 PST
    config = useOutreachSettings(t.db, clock, {
      timeZone: LA,
      limits: { inmail_month: 3, invite_day: 2, invite_week: 8, email_day: 5 },
    });
  });
  afterEach(() => t.cleanup());

  it('hands this month’s InMails to the highest HOT scores, the overflow to invites', () => {
    seedLeads(
      t.db,
      [
        { name: 'Hot Ninety', tier: 'HOT', score: 90, linkedin: 'https://www.linkedin.com/in/h90' },
        { name: 'Hot NinetyFive', tier: 'HOT', score: 95, linkedin: 'https://www.linkedin.com/in/h95' },
        { name: 'Hot Eighty', tier: 'HOT', score: 80, linkedin: 'https://www.linkedin.com/in/h80' },
        { name: 'Hot EightyFive', tier: 'HOT', score: 85, linkedin: 'https://www.linkedin.com/in/h85' },
        {
          name: 'Hot Mail',
          tier: 'HOT',
          score: 99,
          email: 'mail@hot.com',
          linkedin: 'https://www.linkedin.com/in/hm',
        },
        { name: 'Warm One', tier: 'WARM', score: 60, linkedin: 'https://www.linkedin.com/in/w1' },
        { name: 'Cold Mail', tier: 'COLD', score: 30, email: 'cold@x.com' },
        { name: 'Nobody Reach', tier: 'WARM', score: 55 },
        {
          name: 'Not Approved',
          tier: 'HOT',
          score: 99,
          linkedin: 'https://www.linkedin.com/in/na',
          approve: false,
        },
      ],
      clock,
    );
    // One InMail already used this month: two left for four HOT leads without email.
    reserveUnits(t.db, 'linkedin.inmail', new Date('2026-03-01T18:00:00Z'), 1, config);
    const plan = previewPlan(t.db, clock, config);
    expect(plan.counts).toEqual({ inmail: 2, email: 2, invite: 3, unreachable: 1 });
    expect(plan.overflow).toBe(2);
    expect(plan.inmailRemaining).toBe(2);
    const byName = Object.fromEntries(plan.entries.map((e) => [e.name, e.kind]));
    expect(byName).toEqual({
      'Hot NinetyFive': 'inmail',
      'Hot Ninety': 'inmail',
      'Hot EightyFive': 'invite',
      'Hot Eighty': 'invite',
      'Hot Mail': 'email',
      'Warm One': 'invite',
      'Cold Mail': 'email',
      'Nobody Reach': null,
    });
    expect(plan.date).toBe('2026-03-02');
    // 3 invites at 2 a day: Monday and Tuesday. Emails and InMails go on Monday.
    expect(plan.days).toEqual({ inmail: 1, email: 1, invite: 2 });
    expect(plan.estimatedCompletion).toBe('2026-03-03');
    expect(kinds()).toEqual([]); // a preview changes nothing
  });

  it('applies once: a second apply plans only leads approved since', () => {
    const ids = seedLeads(t.db, warmLeads(3), clock);
    const first = applyPlan(t.db, clock, config);
    expect(first.applied).toBe(3);
    expect(applyPlan(t.db, clock, config).applied).toBe(0);
    const [later] = seedLeads(t.db, warmLeads(1, 70, 'Later'), clock);
    const again = applyPlan(t.db, clock, config);
    expect(again.applied).toBe(1);
    expect(again.open.invite).toBe(3);
    expect(
      t.db
        .prepare(`SELECT contact_id, status, planned_for, priority FROM outreach_actions ORDER BY id`)
        .all(),
    ).toEqual(
      [...ids, later].map((id) => ({
        contact_id: id,
        status: 'planned',
        planned_for: '2026-03-02',
        priority: 2,
      })),
    );
    expect(t.db.prepare(`SELECT count(*) FROM outreach_events WHERE status = 'planned'`).pluck().get()).toBe(
      4,
    );
  });

  it('counts InMails already planned against the month, so a second plan does not hand them out again', () => {
    const hot = (n: number) => ({
      name: `Hot ${n}`,
      tier: 'HOT' as const,
      score: 80 + n,
      linkedin: `https://www.linkedin.com/in/hot-${n}`,
    });
    seedLeads(t.db, [hot(1), hot(2)], clock);
    expect(applyPlan(t.db, clock, config).counts.inmail).toBe(2);
    seedLeads(t.db, [hot(3), hot(4)], clock);
    const plan = applyPlan(t.db, clock, config);
    expect(plan.counts).toMatchObject({ inmail: 1, invite: 1 });
    expect(plan.entries.find((e) => e.name === 'Hot 4')?.kind).toBe('inmail');
  });

  it('gives the InMail planned for someone since put on the do-not-contact list to another HOT lead', () => {
    const hot = (n: number) => ({
      name: `Hot ${n}`,
      tier: 'HOT' as const,
      score: 80 + n,
      linkedin: `https://www.linkedin.com/in/hot-${n}`,
    });
    seedLeads(t.db, [hot(1), hot(2), hot(3)], clock);
    expect(applyPlan(t.db, clock, config).counts.inmail).toBe(3); // the month's 3
    addSuppressions(t.db, [{ kind: 'linkedin', value: 'linkedin.com/in/hot-2' }], clock);
    seedLeads(t.db, [hot(4)], clock);
    const plan = applyPlan(t.db, clock, config);
    expect(plan.open.inmail).toBe(2);
    expect(plan).toMatchObject({ counts: { inmail: 1, invite: 0 }, overflow: 0, inmailRemaining: 1 });
    expect(plan.entries.map((e) => [e.name, e.kind])).toEqual([['Hot 4', 'inmail']]);
  });

  it('leaves out suppressed leads, and leads whose data changed since approval', () => {
    const [, , c] = seedLeads(
      t.db,
      [
        { name: 'Ann Able', tier: 'WARM', score: 70, linkedin: 'https://www.linkedin.com/in/ann-able' },
        {
          name: 'Bob Baker',
          tier: 'WARM',
          score: 65,
          company: 'Bolt',
          domain: 'bolt.com',
          linkedin: 'https://www.linkedin.com/in/bob',
        },
        { name: 'Cat Cole', tier: 'WARM', score: 60, linkedin: 'https://www.linkedin.com/in/cat' },
      ],
      clock,
    );
    addSuppressions(
      t.db,
      [
        { kind: 'linkedin', value: 'linkedin.com/in/ann-able' },
        { kind: 'domain', value: 'bolt.com' },
      ],
      clock,
    );
    t.db.prepare(`UPDATE scores SET data_hash = 'changed' WHERE contact_id = ?`).run(c);
    const plan = applyPlan(t.db, clock, config);
    expect(plan.applied).toBe(0);
    expect(plan.suppressed).toBe(2);
    decideLeads(t.db, [c!], 'approved', null, clock);
    expect(applyPlan(t.db, clock, config).entries.map((e) => e.contactId)).toEqual([c]);
  });

  it('estimates completion from the working days and what the week has already used', () => {
    seedLeads(t.db, warmLeads(10), clock);
    // The rolling week already holds 5 of its 8 invites (last Thursday and Friday).
    reserveUnits(t.db, 'linkedin.invite', new Date('2026-02-26T18:00:00Z'), 2, {
      ...config,
      limits: { ...config.limits, invite_day: 5 },
    });
    reserveUnits(t.db, 'linkedin.invite', new Date('2026-02-27T18:00:00Z'), 3, {
      ...config,
      limits: { ...config.limits, invite_day: 5 },
    });
    const plan = previewPlan(t.db, clock, config);
    // Mon 2: 2 (the week holds 7) · Tue 3: 1 (8) · Wed 4: none · Thu 5: 2, as last Thursday's 2 leave the
    // week · Fri 6: 2 · Mon 9: 2 · Tue 10: 1 — 10 invites on 6 working days.
    expect(plan.days.invite).toBe(6);
    expect(plan.estimatedCompletion).toBe('2026-03-10');
  });

  it('has no completion date when a limit leaves no room', () => {
    seedLeads(t.db, warmLeads(1), clock);
    config = useOutreachSettings(t.db, clock, { timeZone: LA, limits: { invite_day: 0 } });
    expect(previewPlan(t.db, clock, config).estimatedCompletion).toBeNull();
  });
});
