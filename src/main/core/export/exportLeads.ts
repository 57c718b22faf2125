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
  /** The score's reasons, one sentence per factor. */
  reasons: string | null;
}

interface LeadRow {
  id: number;
  company_id: number | null;
  first_name: string | null;
  last_name: string | null;
  full_name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  linkedin_url: string | null;
  discovery_source: string;
  contact_city: string | null;
  contact_state: string | null;
  company_name: string | null;
  website: string | null;
  domain: string | null;
  company_phone: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  industry: string | null;
  employee_count: number | null;
  score: number | null;
  tier: Tier | null;
  inmail_eligible: number | null;
  breakdown: string | null;
  approval: 'approved' | 'rejected' | null;
  outreach: OutreachStage;
  suppressed: number;
}

// An email found later (enrichment) stands in when the contact has none of its own, but only a
// verified one: a guess does not go into the seller's CRM.
const LEAD_SQL = `
  SELECT c.id, c.company_id, c.first_name, c.last_name, c.full_name, c.title,
    coalesce(c.email, (SELECT e.email FROM contact_emails e WHERE e.contact_id = c.id AND e.status = 'verified'
                       ORDER BY e.confidence DESC, e.id LIMIT 1)) AS email,
    c.phone, c.linkedin_url, c.discovery_source, c.city AS contact_city, c.state AS contact_state,
    co.name AS company_name, co.website, co.domain, co.phone AS company_phone, co.address, co.city, co.state,
    co.zip, co.country, co.industry, co.employee_count,
    s.score, s.tier, s.inmail_eligible, s.breakdown, c.approval,
    (SELECT CASE WHEN count(*) = 0 THEN 'none' WHEN max(a.status = 'replied') THEN 'replied' ELSE 'contacted' END
     FROM outreach_actions a WHERE a.contact_id = c.id
       AND a.status IN ('sent', 'accepted', 'replied', 'no_response')) AS outreach,
    ${suppressedSql('c')} AS suppressed
  FROM contacts c
  LEFT JOIN companies co ON co.id = c.company_id
  LEFT JOIN scores s ON s.contact_id = c.id`;

/**
 * The scope as SQL. Rows come grouped by company (Close reads one lead per company from
 * consecutive rows) in a stable order, so the same set always gives the same file.
 */
function scopeQuery(db: Db, scope: ExportScope): { sql: string; params: Record<string, unknown> } {
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
  return {
    sql: `${LEAD_SQL} WHERE ${where.join(' AND ')} ORDER BY coalesce(co.name, c.full_name) COLLATE NOCASE, coalesce(co.id, 0), c.id`,
    params,
  };
}

export class ScopeError extends Error {
  override readonly name = 'ScopeError';
}

/** "Title: … Size: …": the score's sentences, read once per distinct breakdown. */
function reasonsReader(): (
  breakdown: string | null,
  score: number | null,
  tier: Tier | null,
) => string | null {
  const memo = new Map<string, string>();
  return (breakdown, score, tier) => {
    if (!breakdown) return null;
    let text = memo.get(breakdown);
    if (text === undefined) {
      const parsed = JSON.parse(breakdown) as { factors?: { sentence: string }[] };
      text = `Score ${score ?? '?'} (${tier ?? '?'}). ${(parsed.factors ?? []).map((f) => f.sentence).join(' ')}`;
      memo.set(breakdown, text);
    }
    return text;
  };
}

export interface LeadStream {
  /** Leads in the scope and not suppressed, in file order. */
  leads: Iterable<ExportLead>;
  /** How many leads the scope held that are on the do-not-contact list (known once iterated). */
  suppressed(): number;
}

/**
 * The leads of a scope, read as one statement and turned into export rows one by one. Suppressed
 * people are counted and left out here, so no format can forget them.
 */
export function exportLeads(db: Db, scope: ExportScope): LeadStream {
  const { sql, params } = scopeQuery(db, scope);
  const keywords = readSettings(db, 'scoring').atlKeywords;
  const atlMemo = new Map<string, boolean>();
  const isAtl = (title: string | null) => {
    if (!title) return false;
    let atl = atlMemo.get(title);
    if (atl === undefined) atlMemo.set(title, (atl = matchAtlTitle(title, keywords) !== null));
    return atl;
  };
  const reasons = reasonsReader();
  let suppressed = 0;
  function* leads(): Generator<ExportLead> {
    // Read whole before the caller writes anything: a connection cannot write while it iterates.
    const rows = db.prepare(sql).all(params) as LeadRow[];
    for (const r of rows) {
      if (r.suppressed === 1) {
        suppressed++;
        continue;
      }
      let first = r.first_name;
      let last = r.last_name;
      if (!first && !last) ({ first, last } = splitFullName(r.full_name));
      yield {
        contactId: r.id,
        companyId: r.company_id,
        firstName: first,
        lastName: last,
        fullName: r.full_name,
        title: r.title,
        email: r.email,
        phone: r.phone,
        linkedinUrl: r.linkedin_url,
        discoverySource: r.discovery_source,
        contactCity: r.contact_city,
        contactState: r.contact_state,
        companyName: r.company_name,
        website: r.website,
        domain: r.domain,
        companyPhone: r.company_phone,
        address: r.address,
        city: r.city,
        state: r.state,
        zip: r.zip,
        country: r.country,
        industry: r.industry,
        employeeCount: r.employee_count,
        score: r.score,
        tier: r.tier,
        inmailEligible: r.inmail_eligible === 1,
        approval: r.approval,
        outreach: r.outreach,
        atl: isAtl(r.title),
        reasons: reasons(r.breakdown, r.score, r.tier),
      };
    }
  }
  return { leads: leads(), suppressed: () => suppressed };
}
