import { openDatabase } from '../../src/main/core/db/database';
import { systemClock } from '../../src/main/core/clock';
import { readQuotaConfig } from '../../src/main/core/quotas/config';
import { applyPlan } from '../../src/main/core/outreach/plan';
import { markItem } from '../../src/main/core/outreach/mark';
import { dayQueue } from '../../src/main/core/outreach/queue';
import { dateOf } from '../../src/main/core/quotas/windows';
import { addSuppressions } from '../../src/main/core/suppression/suppressions';
import { readSettings, writeSettings } from '../../src/main/core/settings/settingsStore';
import { seedLeads, writeReadyTemplates, type LeadSeed } from './leads';

/** People a seller might have approved: real-looking names, titles and companies. */
export const SAMPLE_LEADS: LeadSeed[] = [
  {
    name: 'Ann Lee',
    title: 'Chief Executive Officer',
    company: 'Acme Solar',
    tier: 'HOT',
    score: 91,
    linkedin: 'https://www.linkedin.com/in/ann-lee-4b1a2c',
  },
  {
    name: 'Brian Okafor',
    title: 'VP, Operations',
    company: 'Okafor Electric, Inc.',
    tier: 'HOT',
    score: 86,
    email: 'bj@okafor-electric.com',
    linkedin: 'https://www.linkedin.com/in/bjokafor',
  },
  {
    name: 'Carla Gómez',
    title: 'Director of Estimating',
    company: 'Sunrise Builders & Co',
    tier: 'WARM',
    score: 74,
    linkedin: 'https://www.linkedin.com/in/carla-g%C3%B3mez-9a',
  },
  {
    name: 'Dev Patel',
    title: 'Owner',
    company: 'Patel Mechanical',
    tier: 'WARM',
    score: 72,
    linkedin: 'https://www.linkedin.com/in/devpatel-hvac',
  },
  {
    name: 'Erin Walsh',
    title: 'President',
    company: 'Walsh Roofing LLC',
    tier: 'WARM',
    score: 70,
    linkedin: 'https://www.linkedin.com/in/erinwalsh',
  },
  {
    name: 'Frank Miller',
    title: 'Founder',
    tier: 'WARM',
    score: 66,
    linkedin: 'https://www.linkedin.com/in/frank-miller-builds',
  },
];

const FIRST = [
  'Maya',
  'Luis',
  'Grace',
  'Omar',
  'Hannah',
  'Tomás',
  'Priya',
  'Jamal',
  'Sofia',
  'Ken',
  'Olivia',
  'Ravi',
  'Nora',
  'Sam',
  'Ines',
  'Victor',
  'Lena',
  'Chris',
  'Amara',
  'Jon',
];
const LAST = [
  'Reyes',
  'Nguyen',
  'Kowalski',
  'Haddad',
  'Brennan',
  'Silva',
  'Iyer',
  'Foster',
  'Marino',
  'Sato',
  'Clarke',
  'Mehta',
  'Lindqvist',
  'Ortega',
  'Baker',
  'Dubois',
  'Hart',
  'Adeyemi',
  'Novak',
  'Park',
  'Quinn',
];
const TRADES = [
  'Roofing',
  'Electric',
  'Plumbing',
  'HVAC',
  'Builders',
  'Solar',
  'Concrete',
  'Mechanical',
  'Glass',
  'Paving',
];
const TITLES = [
  'Owner',
  'President',
  'Founder',
  'VP, Operations',
  'Director of Estimating',
  'General Manager',
];

/** `count` believable approved leads (names, titles, trades), scores counting down from `top`. */
export function namedLeads(count: number, tier: 'HOT' | 'WARM', top: number): LeadSeed[] {
  return Array.from({ length: count }, (_, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 5 + Math.floor(i / FIRST.length) + (tier === 'HOT' ? 3 : 0)) % LAST.length]!;
    const slug = `${first}-${last}-${tier === 'HOT' ? 'h' : ''}${i}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z0-9-]/g, '');
    return {
      name: `${first} ${last}`,
      title: TITLES[i % TITLES.length]!,
      company: `${last} ${TRADES[i % TRADES.length]}`,
      linkedin: `https://www.linkedin.com/in/${slug}`,
      tier,
      score: Math.max(tier === 'HOT' ? 80 : 50, top - (i % 25)),
    };
  });
}

/**
 * A database as a seller's morning finds it: approved leads (the sample people, then `extra`
 * WARM ones and `hot` HOT ones without email), templates in the seller's own words, and
 * optionally the plan applied today.
 */
export function seedOutreach(
  dbPath: string,
  options: { extra?: number; hot?: number; plan?: boolean; workingDays?: number[] } = {},
): void {
  const db = openDatabase(dbPath);
  try {
    // The seller of these tests works every day unless told otherwise: today's queue (a day off
    // hands nothing out) must not depend on the weekday the suite runs on.
    const outreach = readSettings(db, 'outreach');
    writeSettings(
      db,
      'outreach',
      {
        ...outreach,
        workingHours: { ...outreach.workingHours, days: options.workingDays ?? [1, 2, 3, 4, 5, 6, 7] },
      },
      systemClock,
    );
    writeReadyTemplates(db);
    seedLeads(
      db,
      [
        ...SAMPLE_LEADS,
        ...namedLeads(options.extra ?? 0, 'WARM', 69),
        ...namedLeads(options.hot ?? 0, 'HOT', 89),
      ],
      systemClock,
    );
    if (options.plan) applyPlan(db, systemClock, readQuotaConfig(db));
  } finally {
    db.close();
  }
}

/**
 * A few weeks of a seller's work behind today's queue, for the screenshots: invites and InMails
 * sent on past working days (the usage chart), some accepted (follow-ups due), some old enough
 * to withdraw, a do-not-contact list.
 */
export function seedOutreachHistory(dbPath: string): void {
  const db = openDatabase(dbPath);
  try {
    const config = readQuotaConfig(db);
    const open = (kind: string) =>
      db
        .prepare(
          `SELECT id FROM outreach_actions WHERE kind = ? AND status = 'planned' ORDER BY priority, id`,
        )
        .pluck()
        .all(kind) as number[];
    const invites = open('invite');
    const inmails = open('inmail');
    const day = 86_400_000;
    const now = systemClock.now().getTime();
    // The plan was made before the weeks of history below (a mark cannot predate its item).
    const planned = new Date(now - 40 * day).toISOString();
    db.prepare(`UPDATE outreach_actions SET created_at = ? WHERE status = 'planned'`).run(planned);
    db.prepare(`UPDATE outreach_events SET at = ? WHERE status = 'planned'`).run(planned);
    let used = 0;
    for (let back = 1; back <= 34; back++) {
      const at = new Date(now - back * day);
      if (at.getDay() === 0 || at.getDay() === 6) continue;
      const count = 4 + ((back * 7) % 9);
      for (let i = 0; i < count && used < invites.length - 40; i++, used++)
        markItem(
          db,
          { id: invites[used]!, status: 'sent', at: new Date(at.getTime() + i * 600_000) },
          systemClock,
          config,
        );
      if (back % 2 === 0 && inmails.length > 3) {
        const id = inmails.pop()!;
        markItem(db, { id, status: 'sent', at }, systemClock, config);
      }
    }
    // Accepted a few days ago: their follow-ups are due today. The oldest stay pending, to withdraw.
    // Each answer comes after its send: picked among the invites sent before it.
    const sentBefore = (at: number, count: number) =>
      db
        .prepare(
          `SELECT id FROM outreach_actions WHERE kind = 'invite' AND status = 'sent' AND sent_at < ?
           ORDER BY sent_at DESC, id LIMIT ?`,
        )
        .pluck()
        .all(new Date(at).toISOString(), count) as number[];
    for (const id of sentBefore(now - 4 * day, 3))
      markItem(db, { id, status: 'accepted', at: new Date(now - 4 * day) }, systemClock, config);
    for (const id of sentBefore(now - 2 * day, 1))
      markItem(db, { id, status: 'replied', at: new Date(now - 2 * day) }, systemClock, config);
    // This morning's first few.
    const today = dayQueue(db, dateOf(systemClock.now(), config.timeZone), config).items;
    for (const item of today.filter((i) => i.kind === 'invite').slice(0, 6))
      markItem(db, { id: item.id, status: 'sent', at: new Date(now - 3_600_000) }, systemClock, config);
    addSuppressions(
      db,
      [
        { kind: 'domain', value: 'competitor-roofing.com', reason: 'a competitor' },
        { kind: 'email', value: 'no-thanks@walshroofing.com', reason: 'asked not to be contacted' },
        {
          kind: 'linkedin',
          value: 'https://www.linkedin.com/in/frank-miller-builds',
          reason: 'already a customer',
        },
      ],
      systemClock,
    );
  } finally {
    db.close();
  }
}
