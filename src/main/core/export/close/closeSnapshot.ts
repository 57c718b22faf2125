import type { Db } from '../../db/database';
import { readSettings } from '../../settings/settingsStore';
import { createCompanyIndex } from '../../dedupe/resolve';
import { DEFAULT_COMPANY_MATCH_SETTINGS } from '../../dedupe/companySettings';
import type { CompanyRecord, PreparedCompany } from '../../dedupe/records';
import type { EntityIndex } from '../../dedupe/engine';
import { websiteUrl } from '../formats/values';
import type { CloseClient } from './closeClient';
import type { CloseLead } from './closeTypes';
import type { LeadGroup } from './closePayloads';

/**
 * Close's leads as the dedupe engine sees them, for the sync's fuzzy company step: listed once
 * when the sync begins (a seller's Close holds thousands, not millions) and indexed with the same
 * matcher and thresholds as our own duplicates, so "the same company" means the same thing here.
 */

/** A Close lead as a company record; its id is its place in the snapshot. */
function companyRecord(id: number, lead: CloseLead): CompanyRecord {
  const address = lead.addresses?.[0];
  return {
    id,
    name: lead.name ?? lead.display_name ?? '',
    website: lead.url ?? undefined,
    address: address?.address_1,
    city: address?.city,
    state: address?.state,
    zip: address?.zipcode,
    phone: lead.contacts?.flatMap((c) => c.phones ?? [])[0]?.phone,
    emails: lead.contacts?.flatMap((c) => (c.emails ?? []).map((e) => e.email)),
  };
}

/** Our company as the matcher sees it: its own fields and its people's addresses. */
export function ourCompany(group: LeadGroup): CompanyRecord {
  const first = group.people[0]!;
  return {
    id: -1,
    // The company's own name: the lead's may carry a place or an id to keep it apart from a namesake.
    name: first.companyName ?? group.name,
    website: websiteUrl(first) ?? undefined,
    address: first.address ?? undefined,
    city: first.city ?? undefined,
    state: first.state ?? undefined,
    zip: first.zip ?? undefined,
    phone: first.companyPhone ?? undefined,
    emails: group.people.map((p) => p.email).filter((e): e is string => Boolean(e)),
  };
}

/** Close's leads as they were when the sync began, indexed by the dedupe engine for the fuzzy step. */
export interface CloseSnapshot {
  index: EntityIndex<CompanyRecord, PreparedCompany>;
  leads: CloseLead[];
}

export async function snapshot(db: Db, client: CloseClient, signal?: AbortSignal): Promise<CloseSnapshot> {
  const leads: CloseLead[] = [];
  for await (const page of client.allLeads(signal)) leads.push(...page);
  const thresholds = readSettings(db, 'dedupe').companies;
  const index = createCompanyIndex(
    leads.map((lead, i) => companyRecord(i, lead)),
    { match: { ...DEFAULT_COMPANY_MATCH_SETTINGS, thresholds } },
  );
  return { index, leads };
}
