import type { ExportScope } from '@shared/domain/export';
import type { ContactFilter } from '@shared/domain/records';
import type { Tier } from '@shared/domain/settings/scoring';
import type { Db } from '../db/database';
import { suppressedSql } from '../suppression/suppressions';
import { sqlList } from '../records/sqlList';
import { RecordLists } from '../records/recordLists';
import { splitFullName } from '../normalize/personName';
import { matchAtlTitle } from '../titles/atlTitle';
import { readSettings } from '../settings/settingsStore';
import { makeReasonWriter } from '../scoring/scoreLead';
import { makeLeadNamer } from './leadNames';

/** Where the seller stands with a person, from the outreach log (vocabulary: shared/domain/outreach). */
export type OutreachStage = 'none' | 'contacted' | 'replied';

/** One contact with its company and score, as every export format reads it. */
export interface ExportLead {
  contactId: number;
  companyId: number | null;
  firstName: string | null;
  lastName: string | null;
  fullName: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  discoverySource: string;
  contactCity: string | null;
  contactState: string | null;
  companyName: string | null;
  website: string | null;
  domain: string | null;
  companyPhone: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  industry: string | null;
  employeeCount: number | null;
  score: number | null;
  tier: Tier | null;
  inmailEligible: boolean;
  approval: 'approved' | 'rejected' | null;
  outreach: OutreachStage;
  /** The title is above the line, by the seller's ATL keywords. */
  atl: boolean;
  /** The score's reasons, one sentence per factor (when asked for). */
  reasons: string | null;
  /** The name of the lead this person belongs to, distinct from every other lead's (when asked for: see leadNames.ts). */
  leadName: string | null;
}

/**
 * A row as SQLite gives it: already under ExportLead's names, so it becomes one in place (a few
 * fields fixed up) rather than being copied into a new object — 100,000 fewer allocations.
 */
type LeadRow = Omit<ExportLead, 'inmailEligible' | 'atl'> & {
  inmailEligible: number | boolean | null;
  atl: number | boolean;
  suppressed?: number;
};

// An email found later (enrichment) stands in when the contact has none of its own, but only a
// verified one: a guess does not go into the seller's CRM.
/** The facts a lead was scored on, beside the columns the row already has (see rescore.ts). */
const REASON_FACTS_SQL = `CASE WHEN s.contact_id IS NULL THEN NULL ELSE '' END AS reasons,
    c.linkedin_key IS NOT NULL AS factLinkedin, co.icp_score AS factIcpScore, co.icp_tier AS factIcpTier`;

interface ReasonFacts {
  factLinkedin?: number;
  factIcpScore?: number | null;
  factIcpTier?: string | null;
}

const LEAD_SQL = `
  SELECT c.id AS contactId, c.company_id AS companyId, c.first_name AS firstName, c.last_name AS lastName,
    c.full_name AS fullName, c.title,
    coalesce(c.email, (SELECT e.email FROM contact_emails e WHERE e.contact_id = c.id AND e.status = 'verified'
                       ORDER BY e.confidence DESC, e.id LIMIT 1)) AS email,
    c.phone, c.linkedin_url AS linkedinUrl, c.discovery_source AS discoverySource, c.city AS contactCity,
    c.state AS contactState, co.name AS companyName, co.website, co.domain, co.phone AS companyPhone, co.address,
    co.city, co.state, co.zip, co.country, co.industry, co.employee_count AS employeeCount,
    s.score, s.tier, s.inmail_eligible AS inmailEligible, c.approval,
    (SELECT CASE WHEN count(*) = 0 THEN 'none' WHEN max(a.status = 'replied') THEN 'replied' ELSE 'contacted' END
     FROM outreach_actions a WHERE a.contact_id = c.id
       AND a.status IN ('sent', 'accepted', 'replied', 'no_response')) AS outreach,
    0 AS atl, NULL AS leadName, {{breakdown}},
    ${suppressedSql('c')} AS suppressed
  FROM contacts c
  LEFT JOIN companies co ON co.id = c.company_id
  LEFT JOIN scores s ON s.contact_id = c.id`;

/** The scope as SQL (unordered: see `compareFileOrder`). */
function scopeWhere(db: Db, scope: ExportScope): { where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const where = ['c.merged_into IS NULL'];
  if (scope.kind === 'approved') where.push(`c.approval = 'approved'`);
  if (scope.kind !== 'filter' && scope.tiers?.length)
    where.push(`s.tier IN (${sqlList(scope.tiers, 'tier', params)})`);
  if (scope.kind === 'filter') {
    const filter = db.prepare('SELECT filter FROM saved_filters WHERE id = ?').pluck().get(scope.filterId) as
      string | undefined;
    if (filter === undefined) throw new ScopeError(`There is no saved filter ${scope.filterId}.`);
    // The records table's own query, so the export holds exactly what the filter shows.
    const ids = new RecordLists(db).contactIds(JSON.parse(filter) as ContactFilter);
    params.ids = JSON.stringify(Array.from(ids));
    where.push('c.id IN (SELECT value FROM json_each(@ids))');
  }
  return { where: where.join(' AND '), params };
}

function scopeQuery(
  db: Db,
  scope: ExportScope,
  reasons: boolean,
): { sql: string; params: Record<string, unknown> } {
  const { where, params } = scopeWhere(db, scope);
  // The stored breakdown holds points only; a scored lead's sentences are written again from the
  // rules and the facts they were scored on (`makeReasonWriter`), only for a file that writes them.
  const select = LEAD_SQL.replace('{{breakdown}}', reasons ? REASON_FACTS_SQL : 'NULL AS reasons');
  return { sql: `${select} WHERE ${where}`, params };
}

/** How many standing contacts a scope holds, suppressed people included (a cheap count). */
export function countScope(db: Db, scope: ExportScope): number {
  const { where, params } = scopeWhere(db, scope);
  return db
    .prepare(`SELECT count(*) FROM contacts c LEFT JOIN scores s ON s.contact_id = c.id WHERE ${where}`)
    .pluck()
    .get(params) as number;
}

/** A scope that cannot be read (a saved filter that is gone). */
export class ScopeError extends Error {
  override readonly name = 'ScopeError';
}

/** Where a lead goes in a file: see `compareFileOrder`. */
export interface FileOrderKey {
  /** The company's name (the person's when there is none), lower case. */
  key: string;
  companyId: number | null;
  contactId: number;
}

export const fileOrderKey = (lead: ExportLead): string => (lead.companyName ?? lead.fullName).toLowerCase();

/**
 * Rows grouped by company (Close reads one lead per company from consecutive rows), companies by
 * name, people by id: a stable order, so the same set always gives the same file. Sorted in
 * JavaScript on small keys rather than by SQLite, whose sorter would carry every wide row.
 */
export function compareFileOrder(a: FileOrderKey, b: FileOrderKey): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return (a.companyId ?? 0) - (b.companyId ?? 0) || a.contactId - b.contactId;
}

export interface LeadStream {
  /** Leads in the scope and not suppressed, in no particular order (see `compareFileOrder`). */
  leads: Iterable<ExportLead>;
  /** How many leads the scope held that are on the do-not-contact list (known once iterated). */
  suppressed(): number;
}

/**
 * The leads of a scope, read as one statement and turned into export rows one by one. Suppressed
 * people are counted and left out here, so no format can forget them.
 */
export function exportLeads(
  db: Db,
  scope: ExportScope,
  options: { reasons?: boolean; leadNames?: boolean } = {},
): LeadStream {
  const { sql, params } = scopeQuery(db, scope, options.reasons ?? false);
  const reasonsOf = options.reasons ? makeReasonWriter(readSettings(db, 'scoring')) : null;
  const leadNameOf = options.leadNames ? makeLeadNamer(db) : null;
  const keywords = readSettings(db, 'scoring').atlKeywords;
  const atlMemo = new Map<string, boolean>();
  const isAtl = (title: string | null) => {
    if (!title) return false;
    let atl = atlMemo.get(title);
    if (atl === undefined) atlMemo.set(title, (atl = matchAtlTitle(title, keywords) !== null));
    return atl;
  };
  let suppressed = 0;
  function* leads(): Generator<ExportLead> {
    // Streamed, so 100,000 wide rows are never all alive at once. The caller must not write on
    // this connection until it has read them all (a connection cannot write while it iterates).
    for (const r of db.prepare(sql).iterate(params) as IterableIterator<LeadRow & ReasonFacts>) {
      if (r.suppressed === 1) {
        suppressed++;
        continue;
      }
      if (!r.firstName && !r.lastName) {
        const split = splitFullName(r.fullName);
        r.firstName = split.first;
        r.lastName = split.last;
      }
      r.inmailEligible = r.inmailEligible === 1;
      r.atl = isAtl(r.title);
      if (leadNameOf) r.leadName = leadNameOf(r);
      if (reasonsOf) {
        if (r.reasons !== null) {
          const sentences = reasonsOf({
            title: r.title,
            employeeCount: r.employeeCount,
            // The row's email is the contact's own or a verified one found: the score's rule too.
            hasEmail: r.email !== null,
            hasLinkedin: r.factLinkedin === 1,
            discoverySource: r.discoverySource,
            industry: r.industry,
            icpScore: r.factIcpScore ?? null,
            icpTier: r.factIcpTier ?? null,
          });
          r.reasons = `Score ${r.score ?? '?'} (${r.tier ?? '?'}). ${sentences}`;
        }
        // The fact columns stay on the row (no format reads them): deleting them would turn
        // every row into a slow dictionary object for the thirty column reads that follow.
      }
      yield r as ExportLead;
    }
  }
  return { leads: leads(), suppressed: () => suppressed };
}
