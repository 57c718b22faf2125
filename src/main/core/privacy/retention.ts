import type { RetentionPreview, RetentionReport } from '@shared/domain/privacy';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { erasePeople } from './erase';
import { SENT_STATUSES } from '../dashboard/sentActions';

/** Statuses an action has once something was sent: the dashboard's list, from the outreach vocabulary. */
const SENT = SENT_STATUSES;

/**
 * UNVERIFIED_RULE (domain/privacy.ts) as SQL, for standing contacts first stored before @cutoff.
 * Records merged into a contact moved their emails, decisions and outreach to it, so looking at the
 * standing contact covers them.
 */
const UNVERIFIED_SQL = `
  FROM contacts c
  WHERE c.merged_into IS NULL
    AND c.created_at < @cutoff
    AND NOT EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id AND e.status = 'verified')
    AND c.approval IS NOT 'approved'
    AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.contact_id = c.id AND a.decision = 'approved')
    AND NOT EXISTS (SELECT 1 FROM outreach_actions o WHERE o.contact_id = c.id AND o.status IN ${SENT})
    AND NOT EXISTS (SELECT 1 FROM outreach_actions o JOIN outreach_events ev ON ev.action_id = o.id
                    WHERE o.contact_id = c.id AND ev.status IN ${SENT})
    AND c.discovery_source != 'connection' AND c.connection_degree IS NOT 1
    AND c.crm_id IS NULL`;

const cutoffOf = (days: number, clock: Clock) =>
  new Date(clock.now().getTime() - days * 86_400_000).toISOString();

export function previewRetention(db: Db, days: number, clock: Clock): RetentionPreview {
  if (days <= 0) return { days, count: 0, sample: [] };
  const params = { cutoff: cutoffOf(days, clock) };
  return {
    days,
    count: db.prepare(`SELECT count(*) ${UNVERIFIED_SQL}`).pluck().get(params) as number,
    sample: db
      .prepare(
        `SELECT c.id, c.full_name AS fullName, c.created_at AS createdAt ${UNVERIFIED_SQL} ORDER BY c.created_at, c.id LIMIT 20`,
      )
      .all(params) as RetentionPreview['sample'],
  };
}

/** The standing contacts the rule purges now. */
export function unverifiedIds(db: Db, days: number, clock: Clock): number[] {
  if (days <= 0) return [];
  return db
    .prepare(`SELECT c.id ${UNVERIFIED_SQL} ORDER BY c.id`)
    .pluck()
    .all({ cutoff: cutoffOf(days, clock) }) as number[];
}

/** Erases every unverified contact older than `days` in one transaction; 0 days purges nothing. */
export function purgeUnverified(db: Db, days: number, clock: Clock): RetentionReport {
  const started = performance.now();
  if (days <= 0) return { days, purged: 0, seconds: 0 };
  const ids = unverifiedIds(db, days, clock);
  if (ids.length > 0) erasePeople(db, ids, clock, { reason: 'retention', actor: 'system' });
  return { days, purged: ids.length, seconds: (performance.now() - started) / 1000 };
}
