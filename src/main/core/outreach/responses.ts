import type { Responses } from '@shared/domain/outreach';
import type { Db } from '../db/database';
import type { QuotaConfig } from '../quotas/config';
import { loadItemRows, toQueueItems } from './items';

/**
 * Sent items still waiting for an answer (mark them accepted, replied or no response), and
 * invites pending longer than the set age, to withdraw on LinkedIn before they count against the
 * seller (LinkedIn limits how many invitations may be pending).
 */
export function responses(db: Db, now: Date, config: QuotaConfig, limit = 200): Responses {
  const cutoff = new Date(now.getTime() - config.withdrawAfterDays * 86_400_000).toISOString();
  const awaiting = db
    .prepare(
      `SELECT id FROM outreach_actions WHERE status IN ('sent','accepted') AND sent_at IS NOT NULL
       ORDER BY sent_at DESC, id DESC LIMIT ?`,
    )
    .pluck()
    .all(limit) as number[];
  const withdraw = db
    .prepare(
      `SELECT id FROM outreach_actions WHERE kind = 'invite' AND status = 'sent' AND sent_at < ?
       ORDER BY sent_at, id LIMIT ?`,
    )
    .pluck()
    .all(cutoff, limit) as number[];
  return {
    awaiting: toQueueItems(db, loadItemRows(db, awaiting), config),
    withdraw: toQueueItems(db, loadItemRows(db, withdraw), config),
    withdrawAfterDays: config.withdrawAfterDays,
    timeZone: config.timeZone,
  };
}
