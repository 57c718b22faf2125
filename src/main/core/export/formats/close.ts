import type { ExportFormat } from './types';
import { bestPhone, closeTags, sourceLabel, websiteUrl, yesNo } from './values';

/**
 * Close's lead import: one row per contact, rows with the same `company` grouped into one lead
 * (closeio-api scripts/README.md, in tests/fixtures/real/close/). Columns it does not know become
 * custom fields: ours are linkedin_url, lead_score, lead_tier, discovery_source, inmail_eligible and
 * tags. A person without a company becomes a lead of their own, named after them. Since the
 * importer groups by that name alone, two companies (or people) of the same name are told apart in
 * it (leadNames.ts).
 */
export const closeFormat: ExportFormat = {
  target: 'close',
  label: 'Close',
  summary: 'Close’s lead import: one lead per company with its contacts, custom fields and tags.',
  maxRows: null,
  fileName: 'close-leads.csv',
  columns: [
    {
      key: 'company',
      header: 'company',
      description: 'Lead name: the company’s (groups the rows into one lead)',
      required: true,
      needsLeadName: true,
      value: (l) => l.leadName,
    },
    { key: 'url', header: 'url', description: 'Company website', value: websiteUrl },
    { key: 'status', header: 'status', description: 'Lead status', value: () => 'Potential' },
    { key: 'contact', header: 'contact', description: 'Full name', value: (l) => l.fullName },
    { key: 'title', header: 'title', description: 'Job title', value: (l) => l.title },
    { key: 'email', header: 'email', description: 'Email', value: (l) => l.email },
    {
      key: 'phone',
      header: 'phone',
      description: 'Phone (the person’s, else the company’s)',
      value: bestPhone,
    },
    { key: 'address', header: 'address', description: 'Street address', value: (l) => l.address },
    { key: 'city', header: 'city', description: 'City', value: (l) => l.city },
    { key: 'state', header: 'state', description: 'State', value: (l) => l.state },
    { key: 'zip', header: 'zip', description: 'ZIP code', value: (l) => l.zip },
    { key: 'country', header: 'country', description: 'Country', value: (l) => l.country },
    {
      key: 'linkedin_url',
      header: 'linkedin_url',
      description: 'Custom field: LinkedIn profile',
      value: (l) => l.linkedinUrl,
    },
    {
      key: 'lead_score',
      header: 'lead_score',
      description: 'Custom field: score 0–100',
      value: (l) => l.score,
    },
    {
      key: 'lead_tier',
      header: 'lead_tier',
      description: 'Custom field: HOT, WARM or COLD',
      value: (l) => l.tier,
    },
    {
      key: 'discovery_source',
      header: 'discovery_source',
      description: 'Custom field: how the person was found',
      value: sourceLabel,
    },
    {
      key: 'inmail_eligible',
      header: 'inmail_eligible',
      description: 'Custom field: worth an InMail (HOT, no email)',
      value: (l) => yesNo(l.inmailEligible),
    },
    {
      key: 'tags',
      header: 'tags',
      description: 'ATL, LinkedIn Discovery and the tier',
      value: (l) => closeTags(l).join(', ') || null,
    },
  ],
};
