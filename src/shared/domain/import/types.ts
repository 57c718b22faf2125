import type { FieldId } from './fields';

export type FileFormat = 'csv' | 'xlsx';

/** What the first look at a file found: how to read it and how its columns likely map. */
export interface InspectResult {
  path: string;
  fileName: string;
  fileSize: number;
  format: FileFormat;
  encoding: string | null;
  delimiter: string | null;
  sheets: string[];
  sheet: string | null;
  /** 1-based line (CSV) or row (XLSX) of the header; null for a file without one. */
  headerRow: number | null;
  headers: string[];
  /** The first data rows, as read (before cleaning). */
  sampleRows: string[][];
  mapping: ColumnMapping[];
  /** The profile that recognised this shape of file, if any. */
  profile: string | null;
  sourceKind: SourceKind;
}

/** Where a column goes: a field, or nowhere (kept in the raw row only). */
export interface ColumnMapping {
  column: number;
  header: string;
  field: FieldId | null;
  /** 0–100: how sure the automatic mapping is. 100 for a profile or an exact synonym. */
  confidence: number;
  /** Why it was mapped so ("profile CA CSLB", "header synonym", "values look like emails"). */
  reason: string;
}

export type SourceKind = 'license_roster' | 'gtm_list' | 'linkedin_connections' | 'crm_export' | 'other';

export const PROBLEM_KINDS = [
  'invalid_email',
  'phone_not_10_digits',
  'missing_company_name',
  'unparseable_date',
  'invalid_linkedin_url',
  'invalid_number',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const PROBLEM_LABELS: Record<ProblemKind, string> = {
  invalid_email: 'Email that is not an email',
  phone_not_10_digits: 'Phone without 10 digits',
  missing_company_name: 'No company name (and no person)',
  unparseable_date: 'Date that could not be read',
  invalid_linkedin_url: 'LinkedIn URL that is not a profile',
  invalid_number: 'Number that is not a number',
};

/** What to do with the rows that have a kind of problem: leave them out, or import them flagged. */
export type ProblemAction = 'skip' | 'flag';

export interface ProblemSample {
  row: number;
  column: string;
  value: string;
}

export interface ImportOptions {
  path: string;
  sheet?: string | null;
  /** Treat the first row as data; columns are then named by the profile's layout or "Column N". */
  noHeader?: boolean;
  /** Force the header row (1-based); found automatically otherwise. */
  headerRow?: number | null;
  profile?: string | null;
  /** Column index → field (or null to leave unmapped); overrides the automatic mapping. */
  mapping?: Record<number, FieldId | null>;
  problemActions?: Partial<Record<ProblemKind, ProblemAction>>;
  sourceKind?: SourceKind;
  dryRun?: boolean;
  /** Match against what is already stored (default: the dedupe settings' matchOnImport). */
  matchExisting?: boolean;
}

export interface ImportReport {
  batchId: number | null;
  dryRun: boolean;
  fileName: string;
  /** Set when the very same file was imported before with the same mapping: nothing was done. */
  alreadyImported: { batchId: number; at: string } | null;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows that produced no record (problems skipped, or nothing to identify), blank rows included. */
  skipped: number;
  /** Blank rows: counted in skipped, and not kept (there is nothing in them). */
  blankRows: number;
  flagged: number;
  companiesCreated: number;
  contactsCreated: number;
  /** Records of this file merged into ones already here (each merge undoable), and pairs sent to review. */
  merged: number;
  sentToReview: number;
  problems: Partial<Record<ProblemKind, number>>;
  problemSamples: Partial<Record<ProblemKind, ProblemSample[]>>;
  /** The first rows as they are stored (after cleaning), for the preview. */
  previewRows: PreviewRow[];
  seconds: number;
}

export interface PreviewRow {
  row: number;
  outcome: 'insert' | 'update' | 'unchanged' | 'skip';
  values: Partial<Record<FieldId, string>>;
  problems: ProblemKind[];
}

export interface ImportBatchSummary {
  id: number;
  fileName: string;
  format: FileFormat;
  profile: string | null;
  sourceKind: SourceKind;
  status: 'committed' | 'undone';
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  flagged: number;
  problems: Partial<Record<ProblemKind, number>>;
  seconds: number | null;
  createdAt: string;
  undoneAt: string | null;
}
