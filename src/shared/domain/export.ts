import type { Tier } from './settings/scoring';

/** Where an export goes: a CRM's own import file, or a plain CSV with every field. */
export type ExportTarget = 'close' | 'hubspot' | 'salesforce' | 'generic';
export const EXPORT_TARGETS: readonly ExportTarget[] = ['close', 'hubspot', 'salesforce', 'generic'];

export const TARGET_LABELS: Record<ExportTarget, string> = {
  close: 'Close',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  generic: 'Generic CSV',
};

/** The history's name for the Close API sync, beside the file targets. */
export const CLOSE_API_TARGET = 'close-api';

/**
 * Which leads an export takes. `approved`: the seller's approved leads (their latest decision);
 * `all`: every standing contact; either narrowed to some tiers. `filter`: a saved records filter.
 * Every scope leaves out suppressed (do-not-contact) people.
 */
export type ExportScope =
  | { kind: 'approved'; tiers?: Tier[] }
  | { kind: 'all'; tiers?: Tier[] }
  | { kind: 'filter'; filterId: number };

/** One column of an export file, as the seller set it for a target. */
export interface ExportColumnChoice {
  /** The column's stable id in the target's format ("first_name", "lead_score"). */
  key: string;
  /** The header written in the file. */
  header: string;
  enabled: boolean;
}

/** A column the format offers, with what it holds and whether the target needs it. */
export interface ExportColumnInfo extends ExportColumnChoice {
  /** The target's own column name, before the seller renamed it. */
  defaultHeader: string;
  description: string;
  /** The target refuses a file without it (Salesforce's Company and LastName). */
  required: boolean;
}

export interface ExportFormatInfo {
  target: ExportTarget;
  label: string;
  /** What the target does with the file, in a sentence. */
  summary: string;
  /** The columns in file order, with the seller's saved names and choices applied. */
  columns: ExportColumnInfo[];
  /** Most rows one file may hold for this target (HubSpot's import limit), or null. */
  maxRows: number | null;
}

/**
 * Why a file of `rows` rows cannot go to this target (more than its importer takes), or null. One
 * sentence for the Export page, before the seller starts, and for the export itself.
 */
export function rowLimitProblem(
  format: Pick<ExportFormatInfo, 'label' | 'maxRows'>,
  rows: number,
): string | null {
  if (format.maxRows === null || rows <= format.maxRows) return null;
  return `${format.label} imports at most ${format.maxRows.toLocaleString('en-US')} rows per file; this export has ${rows.toLocaleString('en-US')}. Narrow the scope (a tier, a saved filter) or export only what is new since the last export.`;
}

export interface ExportRequest {
  target: ExportTarget;
  scope: ExportScope;
  /** Only leads new or changed since the last export to this target. */
  sinceLast: boolean;
  /** Start the file with a UTF-8 byte-order mark, so Excel reads accents right. */
  bom: boolean;
}

export interface ExportPreview {
  headers: string[];
  rows: (string | number | null)[][];
  /** Rows the file would hold. */
  total: number;
  /** Leads in the scope left out because they went to this target before and did not change. */
  unchanged: number;
  /** Leads in the scope left out because they are on the do-not-contact list. */
  suppressed: number;
}

export interface ExportReport {
  exportId: number | null;
  target: ExportTarget;
  path: string | null;
  /** False when nothing was new or changed: no file was written. */
  written: boolean;
  rows: number;
  unchanged: number;
  suppressed: number;
  bytes: number;
  sha256: string | null;
  seconds: number;
}

export interface ExportHistoryEntry {
  id: number;
  /** An ExportTarget, or `close-api` for a sync. */
  target: string;
  scope: string;
  filePath: string | null;
  sha256: string | null;
  rows: number;
  createdAt: string;
  details: Record<string, unknown>;
}

export interface ExportHistoryItem {
  contactId: number;
  fullName: string;
  companyName: string | null;
}

/** What a Close API sync did, lead by lead and contact by contact. */
export interface CloseSyncReport {
  exportId: number;
  companies: number;
  leadsCreated: number;
  leadsUpdated: number;
  contactsCreated: number;
  contactsUpdated: number;
  /** Already in Close (same email, or same LinkedIn profile with nothing to add). */
  contactsSkipped: number;
  /** Already synced and unchanged since. */
  unchanged: number;
  /** Companies left alone because Close has a lead that might be them (a doubtful name match). */
  toReview: { companyId: number; companyName: string; leadId: string; leadName: string; score: number }[];
  failed: { companyId: number; companyName: string; message: string }[];
  rateLimitWaits: number;
  seconds: number;
}

/** What Prospect Desk knows of the Close account behind the saved key. */
export interface CloseAccountInfo {
  organization: string | null;
  user: string | null;
  baseUrl: string;
}

export function describeScope(scope: ExportScope, filterName?: string): string {
  const tiers = 'tiers' in scope && scope.tiers?.length ? ` (${scope.tiers.join(', ')})` : '';
  if (scope.kind === 'approved') return `approved leads${tiers}`;
  if (scope.kind === 'all') return tiers ? `every lead${tiers}` : 'everything';
  return `saved filter “${filterName ?? `#${scope.filterId}`}”`;
}
