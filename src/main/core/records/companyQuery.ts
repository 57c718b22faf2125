import type { CompanyFilter, SortDirection } from '@shared/domain/records';
import { ftsQuery } from './ftsQuery';
import { sqlList } from './sqlList';

export const COMPANY_SORTS = {
  name: 'co.name COLLATE NOCASE',
  city: 'co.city COLLATE NOCASE',
  state: 'co.state',
  icp: 'coalesce(co.icp_score, -1)',
  updated: 'co.updated_at',
} as const;
export type CompanySort = keyof typeof COMPANY_SORTS;

export function companyWhere(filter: CompanyFilter): { where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const parts = ['co.merged_into IS NULL'];
  const fts = filter.search ? ftsQuery(filter.search) : null;
  if (fts) {
    params.fts = fts;
    parts.push('co.id IN (SELECT rowid FROM companies_fts WHERE companies_fts MATCH @fts)');
  }
  if (filter.states?.length) {
    parts.push(`co.state IN (${sqlList(filter.states, 'state', params)})`);
  }
  if (filter.batchId !== undefined) {
    params.batch = filter.batchId;
    parts.push(
      'co.id IN (SELECT company_id FROM source_rows WHERE batch_id = @batch AND company_id IS NOT NULL)',
    );
  }
  if (filter.inCrm !== undefined) parts.push(`co.crm_id IS ${filter.inCrm ? 'NOT ' : ''}NULL`);
  if (filter.hasContacts !== undefined) {
    parts.push(
      `${filter.hasContacts ? '' : 'NOT '}EXISTS (SELECT 1 FROM contacts c WHERE c.company_id = co.id AND c.merged_into IS NULL)`,
    );
  }
  return { where: parts.join(' AND '), params };
}

export function companyOrder(sort: CompanySort, direction: SortDirection): string {
  const dir = direction === 'asc' ? 'ASC' : 'DESC';
  return `${COMPANY_SORTS[sort]} ${dir}, co.id ${dir}`;
}
