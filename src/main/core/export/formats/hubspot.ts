import type { ExportLead } from '../exportLeads';
import type { ExportFormat } from './types';

/**
 * HubSpot's lead status, by internal value (an import matches either the label or the value;
 * values survive a renamed label). Anyone written to is "attempted"; anyone who replied is
 * "connected".
 */
export function hubspotLeadStatus(lead: ExportLead): string {
  if (lead.outreach === 'replied') return 'CONNECTED';
  if (lead.outreach === 'contacted') return 'ATTEMPTED_TO_CONTACT';
  return 'NEW';
}

/** HubSpot refuses an import file longer than this (the limit the seller's plan is held to). */
export const HUBSPOT_MAX_ROWS = 250_000;

/**
 * HubSpot's contacts import, one sheet: the default contact properties by their labels, which the
 * import matches automatically, plus LinkedIn URL, Lead Score and Lead Tier for custom properties.
 */
/** The person's own place, when it says more than the company's (a city of their own). */
const ownPlace = (l: ExportLead): { city: string | null; state: string | null } | null =>
  (l.contactCity && l.contactCity !== l.city) || (l.contactState && l.contactState !== l.state)
    ? { city: l.contactCity ?? null, state: l.contactState ?? null }
    : null;

export const hubspotFormat: ExportFormat = {
  target: 'hubspot',
  label: 'HubSpot',
  summary: 'HubSpot’s contacts import (one file, one object): contact properties by their labels.',
  maxRows: HUBSPOT_MAX_ROWS,
  fileName: 'hubspot-contacts.csv',
  columns: [
    { key: 'first_name', header: 'First Name', description: 'First name', value: (l) => l.firstName },
    { key: 'last_name', header: 'Last Name', description: 'Last name', value: (l) => l.lastName },
    { key: 'email', header: 'Email', description: 'Email (HubSpot’s unique key)', value: (l) => l.email },
    { key: 'phone', header: 'Phone Number', description: 'Phone', value: (l) => l.phone ?? l.companyPhone },
    { key: 'title', header: 'Job Title', description: 'Job title', value: (l) => l.title },
    { key: 'company', header: 'Company Name', description: 'Company name', value: (l) => l.companyName },
    {
      key: 'domain',
      header: 'Company Domain Name',
      description: 'Company domain (HubSpot associates the company by it)',
      value: (l) => l.domain,
    },
    // Where the person is: their own city and state when known (a LinkedIn location), else the
    // company's — and a postal code only with the company's, so the three never describe two places.
    { key: 'city', header: 'City', description: 'City', value: (l) => ownPlace(l)?.city ?? l.city },
    {
      key: 'state',
      header: 'State/Region',
      description: 'State',
      value: (l) => (ownPlace(l) ? ownPlace(l)!.state : l.state),
    },
    {
      key: 'zip',
      header: 'Postal Code',
      description: 'Postal code',
      value: (l) => (ownPlace(l) ? null : l.zip),
    },
    {
      key: 'linkedin_url',
      header: 'LinkedIn URL',
      description: 'LinkedIn profile',
      value: (l) => l.linkedinUrl,
    },
    {
      key: 'lead_status',
      header: 'Lead Status',
      description: 'NEW, ATTEMPTED_TO_CONTACT or CONNECTED',
      value: hubspotLeadStatus,
    },
    { key: 'lead_score', header: 'Lead Score', description: 'Score 0–100', value: (l) => l.score },
    { key: 'lead_tier', header: 'Lead Tier', description: 'HOT, WARM or COLD', value: (l) => l.tier },
  ],
};
