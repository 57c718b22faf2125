import type {
  CompanyFilter,
  CompanyRowView,
  ContactFilter,
  ContactRowView,
  RecordsPage,
  SortDirection,
} from '@shared/domain/records';
import type { Tier } from '@shared/domain/settings/scoring';
import type { Db } from '../db/database';
import { matchAtlTitle } from '../titles/atlTitle';
import { readSettings } from '../settings/settingsStore';
import { QueryCache } from './queryCache';
import {
  CONTACT_FROM,
  STATUS_SQL,
  contactListFrom,
  contactOrder,
  contactWhere,
  type ContactSort,
} from './contactQuery';
import { companyOrder, companyWhere, type CompanySort } from './companyQuery';

interface ContactRow {
  id: number;
  full_name: string;
  title: string | null;
  company_id: number | null;
  company_name: string | null;
  email: string | null;
  linkedin_url: string | null;
  score: number | null;
  tier: Tier | null;
  inmail_eligible: number | null;
  status: ContactRowView['status'];
  discovery_source: string;
  state: string | null;
  in_crm: number;
  updated_at: string;
}

const CONTACT_COLUMNS = `c.id, c.full_name, c.title, c.company_id, co.name AS company_name, c.email, c.linkedin_url,
  s.score, s.tier, s.inmail_eligible, ${STATUS_SQL} AS status, c.discovery_source, co.state,
  (c.crm_id IS NOT NULL OR co.crm_id IS NOT NULL) AS in_crm, c.updated_at`;

export const toContactView = (r: ContactRow): ContactRowView => ({
  id: r.id,
  fullName: r.full_name,
  title: r.title,
  companyId: r.company_id,
  companyName: r.company_name,
  email: r.email,
  linkedinUrl: r.linkedin_url,
  score: r.score,
  tier: r.tier,
  inmailEligible: r.inmail_eligible === 1,
  status: r.status,
  source: r.discovery_source,
  state: r.state,
  inCrm: r.in_crm === 1,
  updatedAt: r.updated_at,
});

/**
 * The records table's reads: a query's ordered ids (cached while the data stands still), and the
 * rows of one page. Also used by bulk actions ("approve everything this filter shows").
 */
export class RecordLists {
  private readonly cache: QueryCache;
  private atlKeywords: string[] = [];

  constructor(private readonly db: Db) {
    this.cache = new QueryCache(db);
    // Whether a title is above the line, for the ATL filter: the same rules as everywhere else.
    db.function('is_atl', { deterministic: true }, (title: unknown) =>
      typeof title === 'string' && matchAtlTitle(title, this.atlKeywords) ? 1 : 0,
    );
  }

  contactIds(
    filter: ContactFilter,
    sort: ContactSort = 'score',
    direction: SortDirection = 'desc',
  ): Int32Array {
    this.atlKeywords = readSettings(this.db, 'scoring').atlKeywords;
    const { where, params } = contactWhere(filter);
    const key = JSON.stringify(['contact', filter, sort, direction, this.atlKeywords]);
    return this.cache.ids(
      key,
      () =>
        this.db
          .prepare(
            `SELECT c.id ${contactListFrom(filter, sort)} WHERE ${where} ORDER BY ${contactOrder(sort, direction)}`,
          )
          .pluck()
          .all(params) as number[],
    );
  }

  contactsByIds(ids: ArrayLike<number>): ContactRowView[] {
    if (ids.length === 0) return [];
    const list = Array.from(ids);
    const rows = this.db
      .prepare(`SELECT ${CONTACT_COLUMNS} ${CONTACT_FROM} WHERE c.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(list)) as ContactRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return list
      .map((id) => byId.get(id))
      .filter((r): r is ContactRow => r !== undefined)
      .map(toContactView);
  }

  contactsPage(
    filter: ContactFilter,
    offset: number,
    limit: number,
    sort?: ContactSort,
    direction?: SortDirection,
  ): RecordsPage<ContactRowView> {
    const ids = this.contactIds(filter, sort, direction);
    return { rows: this.contactsByIds(ids.subarray(offset, offset + limit)), total: ids.length, offset };
  }

  companyIds(
    filter: CompanyFilter,
    sort: CompanySort = 'name',
    direction: SortDirection = 'asc',
  ): Int32Array {
    const { where, params } = companyWhere(filter);
    return this.cache.ids(
      JSON.stringify(['company', filter, sort, direction]),
      () =>
        this.db
          .prepare(`SELECT co.id FROM companies co WHERE ${where} ORDER BY ${companyOrder(sort, direction)}`)
          .pluck()
          .all(params) as number[],
    );
  }

  companiesByIds(ids: ArrayLike<number>): CompanyRowView[] {
    if (ids.length === 0) return [];
    const list = Array.from(ids);
    const rows = this.db
      .prepare(
        `SELECT co.id, co.name, co.city, co.state, co.phone, co.domain, co.license_number, co.license_status, co.icp_score, co.icp_tier,
                co.crm_id IS NOT NULL AS in_crm, co.updated_at,
                (SELECT count(*) FROM contacts c WHERE c.company_id = co.id AND c.merged_into IS NULL) AS contacts
         FROM companies co WHERE co.id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(list)) as (Record<string, unknown> & { id: number })[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return list
      .map((id) => byId.get(id))
      .filter((r) => r !== undefined)
      .map((r) => ({
        id: r.id,
        name: r.name as string,
        city: r.city as string | null,
        state: r.state as string | null,
        phone: r.phone as string | null,
        domain: r.domain as string | null,
        licenseNumber: r.license_number as string | null,
        licenseStatus: r.license_status as string | null,
        icpScore: r.icp_score as number | null,
        icpTier: r.icp_tier as string | null,
        contacts: r.contacts as number,
        inCrm: r.in_crm === 1,
        updatedAt: r.updated_at as string,
      }));
  }

  companiesPage(
    filter: CompanyFilter,
    offset: number,
    limit: number,
    sort?: CompanySort,
    direction?: SortDirection,
  ): RecordsPage<CompanyRowView> {
    const ids = this.companyIds(filter, sort, direction);
    return { rows: this.companiesByIds(ids.subarray(offset, offset + limit)), total: ids.length, offset };
  }
}
