import type { OutreachPlan, PlanEntry, PlanKind } from '@shared/domain/outreach';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { suppressedSql } from '../suppression/suppressions';
import type { QuotaConfig } from '../quotas/config';
import { noticeAt, usedIn } from '../quotas/ledger';
import { workingDaysNeeded } from '../quotas/allowance';
import { civilOf, formatCivil, windowAt } from '../quotas/windows';
import { KIND_KEYS, PRIORITY, routeLead } from './route';

/**
 * Approved leads no plan holds yet: approved on the data they have now (a lead whose data changed
 * since waits for a new decision), not merged away, never in an outreach action. Highest score
 * first, then oldest: the order InMails are handed out in.
 */
const CANDIDATES_SQL = `
  FROM contacts c
  JOIN scores s ON s.contact_id = c.id
  LEFT JOIN companies co ON co.id = c.company_id
  WHERE c.merged_into IS NULL AND c.approval = 'approved' AND c.approval_hash = s.data_hash
    AND NOT EXISTS (SELECT 1 FROM outreach_actions a WHERE a.contact_id = c.id)`;

interface Candidate {
  id: number;
  name: string;
  title: string | null;
  company: string | null;
  tier: 'HOT' | 'WARM' | 'COLD';
  score: number;
  hasEmail: number;
  hasLinkedin: number;
}

export function unplannedCount(db: Db): number {
  return db
    .prepare(`SELECT count(*) ${CANDIDATES_SQL} AND NOT ${suppressedSql('c')}`)
    .pluck()
    .get() as number;
}

/**
 * Open items (planned or snoozed) per kind, for people who can still be contacted: an InMail
 * planned for someone since put on the do-not-contact list will never be sent, so it must not
 * hold one of the month's InMails (nor a day in the estimate) that another HOT lead could use.
 */
function openCounts(db: Db): OutreachPlan['open'] {
  const open = { inmail: 0, email: 0, invite: 0, follow_up: 0 };
  for (const row of db
    .prepare(
      `SELECT a.kind, count(*) AS n FROM outreach_actions a JOIN contacts c ON c.id = a.contact_id
       WHERE a.status IN ('planned','snoozed') AND NOT ${suppressedSql('c')} GROUP BY a.kind`,
    )
    .all() as { kind: string; n: number }[]) {
    if (row.kind in open) open[row.kind as keyof typeof open] = row.n;
  }
  return open;
}

/** InMails this month's quota still allows once the InMails already planned are sent. */
function inmailsLeft(db: Db, at: Date, config: QuotaConfig, openInmails: number): number {
  if (noticeAt(db, 'linkedin.inmail', at)) return 0;
  const { start, end } = windowAt(at, 'month', config.timeZone);
  const used = usedIn(db, 'linkedin.inmail', start, end);
  return Math.max(0, config.limits.inmail_month - used - openInmails);
}

interface Routed {
  plan: OutreachPlan;
  routed: (Candidate & { kind: PlanKind })[];
}

function routeAll(db: Db, at: Date, config: QuotaConfig, entryLimit: number): Routed {
  const candidates = db
    .prepare(
      `SELECT c.id, c.full_name AS name, c.title, co.name AS company, s.tier, s.score,
         c.email IS NOT NULL AND c.email <> '' AS hasEmail,
         c.linkedin_key IS NOT NULL AS hasLinkedin,
         ${suppressedSql('c')} AS suppressed
       ${CANDIDATES_SQL}
       ORDER BY s.score DESC, c.id`,
    )
    .all() as (Candidate & { suppressed: number })[];
  const open = openCounts(db);
  let left = inmailsLeft(db, at, config, open.inmail);
  const inmailRemaining = left;
  const counts = { inmail: 0, email: 0, invite: 0, unreachable: 0 };
  let overflow = 0;
  let suppressed = 0;
  const entries: PlanEntry[] = [];
  const routed: Routed['routed'] = [];
  for (const c of candidates) {
    if (c.suppressed) {
      suppressed++;
      continue;
    }
    const route = routeLead(
      { tier: c.tier, hasEmail: c.hasEmail === 1, hasLinkedin: c.hasLinkedin === 1 },
      left,
    );
    if (route.kind === 'inmail') left--;
    if (route.overflow) overflow++;
    if (route.kind) {
      counts[route.kind]++;
      routed.push({ ...c, kind: route.kind });
    } else counts.unreachable++;
    entries.push({
      contactId: c.id,
      name: c.name,
      title: c.title,
      company: c.company,
      tier: c.tier,
      score: c.score,
      kind: route.kind,
      why: route.why,
    });
  }
  const today = civilOf(at, config.timeZone);
  const days = { inmail: 0, email: 0, invite: 0 };
  let last: string | null = null;
  let never = false;
  for (const kind of ['inmail', 'email', 'invite'] as const) {
    const need = workingDaysNeeded(db, KIND_KEYS[kind], counts[kind] + open[kind], today, config);
    if (!need) {
      never = true;
      continue;
    }
    days[kind] = need.days;
    if (need.last) {
      const date = formatCivil(need.last);
      if (!last || date > last) last = date;
    }
  }
  // Entries in queue order, as the seller will meet them.
  entries.sort((a, b) => rank(a) - rank(b) || b.score - a.score || a.contactId - b.contactId);
  return {
    routed,
    plan: {
      at: at.toISOString(),
      date: formatCivil(today),
      counts,
      overflow,
      suppressed,
      inmailRemaining,
      open,
      estimatedCompletion: never ? null : last,
      days,
      entries: entries.slice(0, entryLimit),
      total: entries.length,
      applied: null,
    },
  };
}

const rank = (e: PlanEntry) => (e.kind === null ? 9 : PRIORITY[e.tier]);

/** What applying the plan now would do. Changes nothing. */
export function previewPlan(db: Db, clock: Clock, config: QuotaConfig, entryLimit = 200): OutreachPlan {
  return routeAll(db, clock.now(), config, entryLimit).plan;
}

/**
 * Applies the plan: one planned item per routed lead, due from today, with a `planned` event.
 * Routing and writing happen in one immediate transaction, so two applies (the app and the CLI)
 * cannot plan the same lead twice or hand out the same InMail twice; applying again adds only
 * leads approved since.
 */
export function applyPlan(
  db: Db,
  clock: Clock,
  config: QuotaConfig,
  actor: 'user' | 'cli' = 'user',
  entryLimit = 200,
): OutreachPlan {
  const at = clock.now();
  return db
    .transaction(() => {
      const { plan, routed } = routeAll(db, at, config, entryLimit);
      const now = at.toISOString();
      const insert = db.prepare(
        `INSERT INTO outreach_actions (contact_id, kind, status, priority, planned_for, created_at, updated_at)
         VALUES (?, ?, 'planned', ?, ?, ?, ?)`,
      );
      const event = db.prepare(
        `INSERT INTO outreach_events (action_id, status, at) VALUES (?, 'planned', ?)`,
      );
      for (const lead of routed) {
        const id = insert.run(lead.id, lead.kind, PRIORITY[lead.tier], plan.date, now, now).lastInsertRowid;
        event.run(id, now);
      }
      recordAudit(
        db,
        {
          action: 'outreach.plan_applied',
          actor,
          details: { ...plan.counts, overflow: plan.overflow, estimatedCompletion: plan.estimatedCompletion },
        },
        clock,
      );
      return { ...plan, applied: routed.length };
    })
    .immediate();
}
