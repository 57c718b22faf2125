import { FUNNEL_STAGES, type FunnelStage, type FunnelStageId } from '@shared/domain/dashboard';
import type { Db } from '../db/database';
import { matchAtlTitle } from '../titles/atlTitle';
import { readSettings } from '../settings/settingsStore';
import { ACTIONS_CTE } from './sentActions';

/**
 * The seller's funnel. Each stage counts the people who reached it (standing contacts; records
 * merged into one count once). "ATL found" uses the same title rule as the records' ATL filter;
 * "Email found" counts ATL people with an email: their own, or a verified one found (a guess is not
 * found). The later stages do not require the earlier
 * ones: an InMail or an invite reaches people without an email.
 */
export function funnel(db: Db): FunnelStage[] {
  const keywords = readSettings(db, 'scoring').atlKeywords;
  // Titles repeat (a roster has thousands of "Owner"s): each distinct title is judged once.
  const titles = db
    .prepare(
      `SELECT c.title, (c.email IS NOT NULL OR EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id AND e.status = 'verified')) AS has_email,
              count(*) AS n
       FROM contacts c WHERE c.merged_into IS NULL GROUP BY c.title, has_email`,
    )
    .all() as { title: string | null; has_email: number; n: number }[];
  const counts: Record<FunnelStageId, number> = {
    imported: 0,
    atl: 0,
    email: 0,
    approved: 0,
    contacted: 0,
    accepted: 0,
    replied: 0,
  };
  const atl = new Map<string, boolean>();
  for (const row of titles) {
    counts.imported += row.n;
    if (row.title === null) continue;
    let isAtl = atl.get(row.title);
    if (isAtl === undefined) atl.set(row.title, (isAtl = matchAtlTitle(row.title, keywords) !== null));
    if (!isAtl) continue;
    counts.atl += row.n;
    if (row.has_email) counts.email += row.n;
  }
  counts.approved = db
    .prepare(`SELECT count(*) FROM contacts WHERE merged_into IS NULL AND approval = 'approved'`)
    .pluck()
    .get() as number;
  const reached = db
    .prepare(
      `WITH ${ACTIONS_CTE}
       SELECT count(DISTINCT CASE WHEN a.sent THEN a.contact_id END) AS contacted,
              count(DISTINCT CASE WHEN a.accepted THEN a.contact_id END) AS accepted,
              count(DISTINCT CASE WHEN a.replied THEN a.contact_id END) AS replied
       FROM acts a JOIN contacts c ON c.id = a.contact_id AND c.merged_into IS NULL`,
    )
    .get() as { contacted: number; accepted: number; replied: number };
  Object.assign(counts, reached);
  return FUNNEL_STAGES.map((stage) => ({ id: stage.id, label: stage.label, count: counts[stage.id] }));
}
