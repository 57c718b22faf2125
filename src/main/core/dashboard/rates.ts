import type { RateDimension, RateRow } from '@shared/domain/dashboard';
import type { Db } from '../db/database';
import { ACTIONS_CTE, rate } from './sentActions';

/** How the source of a lead reads: how it was found, and for imports what kind of list. */
const SOURCE_LABELS: Record<string, string> = {
  connection: 'LinkedIn connection',
  search: 'LinkedIn search',
  company_page: 'LinkedIn company page',
  'import:license_roster': 'License roster',
  'import:gtm_list': 'GTM list',
  'import:linkedin_connections': 'LinkedIn connections file',
  'import:crm_export': 'CRM export',
  'import:other': 'Other list',
};

/** The group of a sent action in each dimension, as SQL over acts a, contacts c, companies co… */
const GROUP_SQL: Record<RateDimension, string> = {
  tier: `coalesce(s.tier, 'Not scored')`,
  source: `CASE WHEN c.discovery_source = 'import' THEN 'import:' || coalesce(b.source_kind, 'other') ELSE c.discovery_source END`,
  template: `coalesce(t.name, 'No template')`,
  state: `coalesce(co.state, c.state)`,
  licenseType: `co.license_type`,
  industry: `co.industry`,
};

/** Beyond this many groups (states, industries), the smallest are added up as "Other". */
const MAX_GROUPS = 12;

const TIER_ORDER = ['HOT', 'WARM', 'COLD', 'Not scored'];

/** Reply and acceptance rates of sent actions, grouped by one dimension, biggest groups first. */
export function ratesBy(db: Db, dimension: RateDimension): RateRow[] {
  const rows = db
    .prepare(
      `WITH ${ACTIONS_CTE}
       SELECT ${GROUP_SQL[dimension]} AS grp, count(*) AS sent, sum(a.replied) AS replied,
              sum(a.kind = 'invite') AS invites, sum(a.accepted) AS accepted
       FROM sent_acts a
       JOIN contacts c ON c.id = a.contact_id
       LEFT JOIN companies co ON co.id = c.company_id
       LEFT JOIN scores s ON s.contact_id = c.id
       LEFT JOIN templates t ON t.id = a.template_id
       LEFT JOIN import_batches b ON b.id = c.created_batch_id
       GROUP BY grp ORDER BY sent DESC, grp`,
    )
    .all() as { grp: string | null; sent: number; replied: number; invites: number; accepted: number }[];
  let out = rows.map((r) => ({
    group:
      r.grp === null || r.grp === ''
        ? 'Unknown'
        : dimension === 'source'
          ? (SOURCE_LABELS[r.grp] ?? r.grp)
          : r.grp,
    sent: r.sent,
    replied: r.replied,
    invites: r.invites,
    accepted: r.accepted,
  }));
  if (dimension === 'tier') out.sort((a, b) => TIER_ORDER.indexOf(a.group) - TIER_ORDER.indexOf(b.group));
  if (out.length > MAX_GROUPS) {
    const rest = out.slice(MAX_GROUPS - 1);
    out = [
      ...out.slice(0, MAX_GROUPS - 1),
      rest.reduce(
        (sum, r) => ({
          group: 'Other',
          sent: sum.sent + r.sent,
          replied: sum.replied + r.replied,
          invites: sum.invites + r.invites,
          accepted: sum.accepted + r.accepted,
        }),
        { group: 'Other', sent: 0, replied: 0, invites: 0, accepted: 0 },
      ),
    ];
  }
  return out.map((r) => ({
    ...r,
    replyRate: rate(r.replied, r.sent),
    acceptanceRate: rate(r.accepted, r.invites),
  }));
}
