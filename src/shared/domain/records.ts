import type { ScoreBreakdown, Tier } from './settings/scoring';
import type { OutreachLogEntry } from './outreach';

/** Where a lead stands in the approval queue: never decided, decided, or changed since. */
export type LeadStatus = 'new' | 'approved' | 'rejected' | 'changed';

/** How a person came to be in the database. */
export type ContactSource = 'import' | 'connection' | 'search' | 'company_page';

export const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'approved', 'rejected', 'changed'];

export interface ContactFilter {
  /** Full-text: name, title, email, company (prefixes match: "acm" finds Acme). */
  search?: string;
  tiers?: Tier[];
  statuses?: LeadStatus[];
  sources?: ContactSource[];
  states?: string[];
  batchId?: number;
  hasEmail?: boolean;
  inCrm?: boolean;
  /** Only people whose title is above the line. */
  atl?: boolean;
  companyId?: number;
  /** On the do-not-contact list (false: only people who may be contacted). */
  suppressed?: boolean;
}

export interface CompanyFilter {
  search?: string;
  states?: string[];
  batchId?: number;
  inCrm?: boolean;
  hasContacts?: boolean;
}

export type SortDirection = 'asc' | 'desc';

export interface ContactRowView {
  id: number;
  fullName: string;
  title: string | null;
  companyId: number | null;
  companyName: string | null;
  email: string | null;
  linkedinUrl: string | null;
  score: number | null;
  tier: Tier | null;
  inmailEligible: boolean;
  status: LeadStatus;
  source: string;
  state: string | null;
  inCrm: boolean;
  updatedAt: string;
}

export interface CompanyRowView {
  id: number;
  name: string;
  city: string | null;
  state: string | null;
  phone: string | null;
  domain: string | null;
  licenseNumber: string | null;
  licenseStatus: string | null;
  icpScore: number | null;
  icpTier: string | null;
  contacts: number;
  inCrm: boolean;
  updatedAt: string;
}

export interface RecordsPage<T> {
  rows: T[];
  total: number;
  offset: number;
}

/** Where one stored value came from: the import, the file row and the column. */
export interface FieldProvenance {
  field: string;
  value: string | number | null;
  source:
    | { batchId: number; fileName: string; row: number; column: string | null }
    | { kind: 'merge' | 'manual' | 'derived'; note: string }
    | null;
  /** Other values seen for this field (kept by merges), with where they came from. */
  alternatives: { value: string; from: string | null }[];
}

export interface EmailEvidence {
  email: string;
  source: string;
  confidence: number;
  status: 'verified' | 'unknown' | 'risky';
  pattern: string | null;
  catchAll: boolean;
  /** The stored evidence as JSON (what the import or enrichment recorded). */
  evidence: string;
  /** How it was found, in words ("Hunter domain search", "guessed: first.last pattern", "typed in"). */
  how: string;
  /** Why it has this confidence, a sentence each (enrichment's evidence). */
  reasons: string[];
  /** Hunter verifier's verdict on this address, when one was asked ("valid", "invalid", …). */
  verification: string | null;
  /** The domain's MX record when enrichment looked: present, absent, nxdomain, unchecked. */
  mx: string | null;
}

export interface HistoryEntry {
  at: string;
  action: string;
  actor: string;
  details: string;
}

export interface ContactDetail {
  contact: ContactRowView;
  provenance: FieldProvenance[];
  emails: EmailEvidence[];
  score: ScoreBreakdown | null;
  approvals: { decision: string; reason: string | null; at: string }[];
  /** The outreach log: every action with its status history (core/outreach/log.ts). */
  outreach: OutreachLogEntry[];
  audit: HistoryEntry[];
}

export interface CompanyDetail {
  company: CompanyRowView;
  provenance: FieldProvenance[];
  contacts: ContactRowView[];
  audit: HistoryEntry[];
}

export interface SavedFilter {
  id: number;
  name: string;
  kind: 'contact' | 'company';
  filter: ContactFilter | CompanyFilter;
}
