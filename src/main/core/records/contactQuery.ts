import type { ContactFilter, SortDirection } from '@shared/domain/records';
import { ftsQuery } from './ftsQuery';
import { sqlList } from './sqlList';
import { suppressedSql } from '../suppression/suppressions';

export const CONTACT_SORTS = {
  score: 'coalesce(s.score, -1)',
  name: 'c.full_name COLLATE NOCASE',
  company: 'co.name COLLATE NOCASE',
  title: 'c.title COLLATE NOCASE',
  updated: 'c.updated_at',
} as const;
export type ContactSort = keyof typeof CONTACT_SORTS;

/** The lead status of a contact, from its latest decision and whether its data moved since. */
export const STATUS_SQL = `CASE WHEN c.approval IS NULL THEN 'new' WHEN c.approval_hash = s.data_hash THEN c.approval ELSE 'changed' END`;

export const CONTACT_FROM = `FROM contacts c
  LEFT JOIN companies co ON co.id = c.company_id
  LEFT JOIN scores s ON s.contact_id = c.id`;

/**
 * The FROM clause of a list query. A broad search ("director": 25,000 of 250,000 people) looks
 * each match up to check it stands and to sort it by score; reading those from the narrow
 * covering indexes of migration 9 instead of the wide rows is three times faster
 * (bench/score/search.ts). The planner picks them only with statistics it may not have yet, so
 * the list names them (INDEXED BY) when they hold every column the query reads. The company is
 * joined only when the filter or the sort needs it.
 */
export function contactListFrom(filter: ContactFilter, sort: ContactSort): string {
  const needsCompany = sort === 'company' || !!filter.states?.length || filter.inCrm !== undefined;
  const contactsCovered =
    sort === 'score' &&
    !filter.sources?.length &&
    !filter.statuses?.length &&
    filter.hasEmail === undefined &&
    filter.inCrm === undefined &&
    filter.atl === undefined &&
    filter.companyId === undefined &&
    filter.suppressed === undefined &&
    !needsCompany;
  const scoresCovered = !filter.statuses?.length;
  const contacts = contactsCovered ? 'contacts c INDEXED BY contacts_standing' : 'contacts c';
  const scores = scoresCovered ? 'scores s INDEXED BY scores_contact_score' : 'scores s';
  const company = needsCompany ? ' LEFT JOIN companies co ON co.id = c.company_id' : '';
  return `FROM ${contacts}${company} LEFT JOIN ${scores} ON s.contact_id = c.id`;
}

/** A filter as a WHERE clause with named parameters. `is_atl` is a SQL function (see records). */
export function contactWhere(filter: ContactFilter): { where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const parts = ['c.merged_into IS NULL'];
  const fts = filter.search ? ftsQuery(filter.search) : null;
  if (fts) {
    params.fts = fts;
    parts.push('c.id IN (SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH @fts)');
  }
  if (filter.tiers?.length) parts.push(`s.tier IN (${sqlList(filter.tiers, 'tier', params)})`);
  if (filter.statuses?.length) parts.push(`${STATUS_SQL} IN (${sqlList(filter.statuses, 'status', params)})`);
  if (filter.sources?.length)
    parts.push(`c.discovery_source IN (${sqlList(filter.sources, 'source', params)})`);
  if (filter.states?.length) parts.push(`co.state IN (${sqlList(filter.states, 'state', params)})`);
  if (filter.batchId !== undefined) {
    params.batch = filter.batchId;
    parts.push(
      'c.id IN (SELECT contact_id FROM source_rows WHERE batch_id = @batch AND contact_id IS NOT NULL)',
    );
  }
  if (filter.hasEmail !== undefined) {
    // An email of their own or a verified one, as the score's has_email (scoring/rescore.ts):
    // a contact with only guessed addresses has no email to write to yet.
    parts.push(
      `${filter.hasEmail ? '' : 'NOT '}(c.email IS NOT NULL OR EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id AND e.status = 'verified'))`,
    );
  }
  if (filter.inCrm !== undefined)
    parts.push(`${filter.inCrm ? '' : 'NOT '}(c.crm_id IS NOT NULL OR co.crm_id IS NOT NULL)`);
  if (filter.atl !== undefined) parts.push(`${filter.atl ? '' : 'NOT '}is_atl(c.title)`);
  if (filter.companyId !== undefined) {
    params.company = filter.companyId;
    parts.push('c.company_id = @company');
  }
  if (filter.suppressed !== undefined) parts.push(`${filter.suppressed ? '' : 'NOT '}${suppressedSql('c')}`);
  return { where: parts.join(' AND '), params };
}

export function contactOrder(sort: ContactSort, direction: SortDirection): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  return `${CONTACT_SORTS[sort]} ${dir}, c.id ${dir}`;
}
