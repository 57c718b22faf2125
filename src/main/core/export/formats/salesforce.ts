import type { ExportLead } from '../exportLeads';
import type { ExportFormat } from './types';
import { RATING, fromLinkedin, websiteUrl } from './values';

/** Salesforce's standard Lead statuses: nobody written to yet is "Open - Not Contacted". */
export function salesforceStatus(lead: ExportLead): string {
  return lead.outreach === 'none' ? 'Open - Not Contacted' : 'Working - Contacted';
}

/**
 * LeadSource is an open picklist: "LinkedIn" for people found there, "Other" (a standard value)
 * for imported lists, whose own source we do not know.
 */
export const leadSource = (lead: ExportLead): string => (fromLinkedin(lead) ? 'LinkedIn' : 'Other');

/** What Salesforce itself writes for a lead without a company (Company is required). */
export const NO_COMPANY = '[not provided]';

/** Salesforce's Lead object by API field names, as the Data Import Wizard and Data Loader read them. */
export const salesforceFormat: ExportFormat = {
  target: 'salesforce',
  label: 'Salesforce',
  summary: 'Salesforce Leads by API field name (Data Import Wizard, Data Loader).',
  maxRows: null,
  fileName: 'salesforce-leads.csv',
  columns: [
    { key: 'first_name', header: 'FirstName', description: 'First name', value: (l) => l.firstName },
    {
      key: 'last_name',
      header: 'LastName',
      description: 'Last name (required)',
      required: true,
      value: (l) => l.lastName ?? l.fullName,
    },
    { key: 'title', header: 'Title', description: 'Job title', value: (l) => l.title },
    {
      key: 'company',
      header: 'Company',
      description: 'Company (required)',
      required: true,
      value: (l) => l.companyName ?? NO_COMPANY,
    },
    { key: 'email', header: 'Email', description: 'Email', value: (l) => l.email },
    { key: 'phone', header: 'Phone', description: 'Phone', value: (l) => l.phone ?? l.companyPhone },
    { key: 'website', header: 'Website', description: 'Company website', value: websiteUrl },
    { key: 'lead_source', header: 'LeadSource', description: 'LinkedIn or Other', value: leadSource },
    {
      key: 'status',
      header: 'Status',
      description: 'Open - Not Contacted, or Working - Contacted',
      value: salesforceStatus,
    },
    {
      key: 'rating',
      header: 'Rating',
      description: 'Hot, Warm or Cold, from the tier',
      value: (l) => (l.tier ? RATING[l.tier] : null),
    },
    { key: 'industry', header: 'Industry', description: 'Industry', value: (l) => l.industry },
    {
      key: 'employees',
      header: 'NumberOfEmployees',
      description: 'Employees',
      value: (l) => l.employeeCount,
    },
    { key: 'street', header: 'Street', description: 'Street address', value: (l) => l.address },
    { key: 'city', header: 'City', description: 'City', value: (l) => l.city },
    { key: 'state', header: 'State', description: 'State', value: (l) => l.state },
    { key: 'postal_code', header: 'PostalCode', description: 'Postal code', value: (l) => l.zip },
    {
      key: 'description',
      header: 'Description',
      description: 'The score’s reasons',
      needsReasons: true,
      value: (l) => l.reasons,
    },
  ],
};
