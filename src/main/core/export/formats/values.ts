import type { Tier } from '@shared/domain/settings/scoring';
import type { ExportLead } from '../exportLeads';

/** Small value helpers the formats share. */

/** A website as a full URL: Close's importer takes only http(s) addresses. */
export function websiteUrl(lead: ExportLead): string | null {
  const raw = lead.website ?? lead.domain;
  if (!raw) return null;
  return /^https?:\/\//i.test(raw) ? raw : `https://${raw}`;
}

/** The person's own phone, else the company's switchboard. */
export const bestPhone = (lead: ExportLead): string | null => lead.phone ?? lead.companyPhone;

/** How the person was found, in the seller's words (stored: import, connection, search, company_page). */
export const SOURCE_LABELS: Record<string, string> = {
  import: 'Imported list',
  connection: 'LinkedIn connection',
  search: 'LinkedIn search',
  company_page: 'LinkedIn company page',
};
export const sourceLabel = (lead: ExportLead): string =>
  SOURCE_LABELS[lead.discoverySource] ?? lead.discoverySource;

export const fromLinkedin = (lead: ExportLead): boolean =>
  lead.discoverySource === 'connection' ||
  lead.discoverySource === 'search' ||
  lead.discoverySource === 'company_page';

/** Close's tags: ATL for people above the line, LinkedIn Discovery for people found there, the tier. */
export function closeTags(lead: ExportLead): string[] {
  const tags: string[] = [];
  if (lead.atl) tags.push('ATL');
  if (fromLinkedin(lead)) tags.push('LinkedIn Discovery');
  if (lead.tier) tags.push(lead.tier);
  return tags;
}

export const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

export const RATING: Record<Tier, string> = { HOT: 'Hot', WARM: 'Warm', COLD: 'Cold' };
