import type { InMailOutlook, QuotaMeter } from '@shared/domain/quotas';
import type { Db } from '../db/database';
import { suppressedSql } from '../suppression/suppressions';
import type { QuotaConfig } from '../quotas/config';
import { dateOf } from '../quotas/windows';

/** The seeds' InMail advice (InMailQuotaTracker._get_recommendation), in the seller's words. */
export function inmailRecommendation(
  remaining: number,
  pendingHot: number,
  resetDate: string,
): Pick<InMailOutlook, 'recommendation' | 'level'> {
  if (pendingHot === 0)
    return { level: 'none_waiting', recommendation: 'No HOT contacts are waiting for an InMail.' };
  if (remaining >= pendingHot)
    return {
      level: 'enough',
      recommendation: `Send InMails now: ${remaining} left covers all ${pendingHot} HOT contacts waiting.`,
    };
  if (remaining >= pendingHot * 0.5)
    return {
      level: 'partial',
      recommendation: `Send to the top ${remaining} HOT contacts only; use invites for the rest.`,
    };
  if (remaining > 0)
    return {
      level: 'critical',
      recommendation: `Critically low: send to the top ${remaining} only; use connection invites for the rest.`,
    };
  return {
    level: 'exhausted',
    recommendation: `InMails are used up until ${resetDate}: wait for the reset or use connection invites.`,
  };
}

/**
 * HOT contacts waiting for an InMail: approved, no email, a LinkedIn profile, not on the
 * do-not-contact list, and not yet reached. Each says how the plan reaches them now.
 */
export function inmailOutlook(db: Db, meter: QuotaMeter, config: QuotaConfig, limit = 100): InMailOutlook {
  const where = `FROM contacts c JOIN scores s ON s.contact_id = c.id LEFT JOIN companies co ON co.id = c.company_id
    WHERE c.merged_into IS NULL AND c.approval = 'approved' AND c.approval_hash = s.data_hash AND s.tier = 'HOT'
      AND (c.email IS NULL OR c.email = '') AND c.linkedin_key IS NOT NULL
      AND NOT ${suppressedSql('c')}
      AND NOT EXISTS (SELECT 1 FROM outreach_actions a WHERE a.contact_id = c.id
        AND a.status IN ('sent','accepted','replied','no_response','withdrawn','skipped'))`;
  const pendingHot = db.prepare(`SELECT count(*) ${where}`).pluck().get() as number;
  const waiting = db
    .prepare(
      `SELECT c.id AS contactId, c.full_name AS name, co.name AS company, s.score,
         (SELECT a.kind FROM outreach_actions a WHERE a.contact_id = c.id AND a.status IN ('planned','snoozed')
          ORDER BY a.id LIMIT 1) AS planned
       ${where} ORDER BY s.score DESC, c.id LIMIT ?`,
    )
    .all(limit) as InMailOutlook['waiting'];
  const resetDate = dateOf(new Date(meter.windowEnd), config.timeZone);
  return {
    remaining: meter.remaining,
    limit: meter.limit,
    resetDate,
    pendingHot,
    waiting,
    ...inmailRecommendation(meter.remaining, pendingHot, resetDate),
  };
}
