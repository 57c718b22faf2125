import { AppFailure } from '@shared/contract/result';
import type { ContactFilter } from '@shared/domain/records';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import type { RecordLists } from '../records/recordLists';
import { suppressedSql } from '../suppression/suppressions';

/**
 * The approval queue: HOT and WARM leads never decided, or whose data changed since. People on the
 * do-not-contact list are not in it: they are never contacted, so there is nothing to decide.
 */
export const QUEUE_FILTER: ContactFilter = {
  tiers: ['HOT', 'WARM'],
  statuses: ['new', 'changed'],
  suppressed: false,
};

/**
 * Records a decision on leads, with the data it was made on: a rejected lead comes back to the
 * queue only when that data changes. Every decision is logged (approvals) and audited. A person on
 * the do-not-contact list cannot be approved (they may still be rejected).
 */
export function decideLeads(
  db: Db,
  contactIds: readonly number[],
  decision: 'approved' | 'rejected',
  reason: string | null,
  clock: Clock,
  actor: 'user' | 'cli' = 'user',
): number {
  if (decision === 'rejected' && !reason?.trim())
    throw new AppFailure('invalid_input', 'Say why the lead is rejected.');
  const now = clock.now().toISOString();
  const hashOf = db.prepare('SELECT data_hash FROM scores WHERE contact_id = ?').pluck();
  const log = db.prepare(
    'INSERT INTO approvals (contact_id, decision, reason, data_hash, decided_at, decided_by) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const mark = db.prepare(
    'UPDATE contacts SET approval = ?, approval_hash = ?, approval_reason = ? WHERE id = ? AND merged_into IS NULL',
  );
  const suppressed = db
    .prepare(`SELECT full_name FROM contacts c WHERE c.id = ? AND ${suppressedSql('c')}`)
    .pluck();
  return db.transaction(() => {
    let decided = 0;
    const refused: string[] = [];
    for (const id of contactIds) {
      const hash = hashOf.get(id) as string | undefined;
      if (hash === undefined) continue; // not scored (merged away, or not a lead yet)
      if (decision === 'approved') {
        const name = suppressed.get(id) as string | undefined;
        if (name !== undefined) {
          refused.push(name);
          continue;
        }
      }
      if (mark.run(decision, hash, reason, id).changes === 0) continue;
      log.run(id, decision, reason, hash, now, actor);
      decided++;
    }
    if (decided === 0 && refused.length > 0)
      throw new AppFailure(
        'invalid_input',
        `${refused.length === 1 ? `${refused[0]} is` : `${refused.length} of these people are`} on the do-not-contact list: they are never contacted, so there is nothing to approve. Take them off the list on the Do not contact page first if that was a mistake.`,
      );
    recordAudit(
      db,
      {
        action: `leads.${decision}`,
        actor,
        details: { count: decided, ids: contactIds.slice(0, 50), reason },
      },
      clock,
    );
    return decided;
  })();
}

/** Approves every lead in the queue that the filter shows (bulk approve). */
export function approveQueued(
  db: Db,
  lists: RecordLists,
  filter: ContactFilter,
  clock: Clock,
  actor: 'user' | 'cli' = 'user',
): number {
  const tiers = intersect(filter.tiers, QUEUE_FILTER.tiers!);
  // Only COLD chosen: nothing in the queue matches (an empty list would mean "any tier").
  if (tiers.length === 0) return 0;
  const ids = lists.contactIds({ ...filter, ...QUEUE_FILTER, tiers });
  return decideLeads(db, Array.from(ids), 'approved', null, clock, actor);
}

function intersect<T>(chosen: readonly T[] | undefined, allowed: readonly T[]): T[] {
  return chosen?.length ? chosen.filter((t) => allowed.includes(t)) : [...allowed];
}
