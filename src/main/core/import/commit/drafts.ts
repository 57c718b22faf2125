import type { ProblemKind } from '@shared/domain/import/types';

/** A company as one row describes it, cleaned; nulls where the row says nothing. */
export interface CompanyDraft {
  name: string | null;
  domain: string | null;
  website: string | null;
  /** E.164 when the number is complete; a local number without area code is kept as typed. */
  phone: string | null;
  phone10: string | null;
  phone_ext: string | null;
  address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
  industry: string | null;
  employee_count: number | null;
  license_number: string | null;
  license_type: string | null;
  license_status: string | null;
  license_expires: string | null;
  classifications: string | null;
  icp_score: number | null;
  icp_tier: string | null;
  icp_subscores: string | null;
  notes: string | null;
  crm_id: string | null;
}

/** A person as one row describes them, cleaned. */
export interface ContactDraft {
  first_name: string | null;
  last_name: string | null;
  full_name: string | null;
  title: string | null;
  emails: string[];
  linkedin_url: string | null;
  linkedin_key: string | null;
  phone: string | null;
  phone10: string | null;
  connected_on: string | null;
  crm_id: string | null;
}

export interface RowProblem {
  kind: ProblemKind;
  column: number;
  value: string;
}

/** One row, mapped: what it says about a company and a person, and what was wrong with it. */
export interface MappedRow {
  company: CompanyDraft | null;
  contact: ContactDraft | null;
  /** Draft column → the sheet column its value came from (for provenance). */
  companySources: Partial<Record<keyof CompanyDraft, number>>;
  contactSources: Partial<Record<keyof ContactDraft, number>>;
  problems: RowProblem[];
  /** Every cell blank: nothing to import and nothing to report. */
  empty: boolean;
}

/** The columns of a draft that are stored as they are (everything but the computed keys). */
export const COMPANY_FIELDS = [
  'name',
  'domain',
  'website',
  'phone',
  'phone10',
  'phone_ext',
  'address',
  'city',
  'state',
  'zip',
  'country',
  'industry',
  'employee_count',
  'license_number',
  'license_type',
  'license_status',
  'license_expires',
  'classifications',
  'icp_score',
  'icp_tier',
  'icp_subscores',
  'notes',
  'crm_id',
] as const satisfies readonly (keyof CompanyDraft)[];

export const CONTACT_FIELDS = [
  'first_name',
  'last_name',
  'full_name',
  'title',
  'linkedin_url',
  'linkedin_key',
  'phone',
  'phone10',
  'connected_on',
  'crm_id',
] as const satisfies readonly (keyof ContactDraft)[];
