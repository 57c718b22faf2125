import type { FieldId } from '@shared/domain/import/fields';
import type { SourceKind } from '@shared/domain/import/types';

/**
 * How a known kind of file maps to our fields. A profile is recognised by its header names, or —
 * for a file published without a header row — by the shape of its rows.
 */
export interface ImportProfile {
  /** Stable id, used on the command line: `--profile linkedin-connections`. */
  id: string;
  label: string;
  sourceKind: SourceKind;
  /** Which CRM the records already live in, for "already in CRM" (crm exports only). */
  crmSource?: 'hubspot' | 'salesforce' | 'close';
  /** Header name (as in the file, compared case- and punctuation-insensitively) → field. */
  columns: Record<string, FieldId | null>;
  /** Headers that must all be present for the profile to be picked automatically. */
  required: string[];
  /** For headerless files: the column names, in order, and a test on the first rows. */
  headerless?: { layout: string[]; recognise(rows: string[][]): boolean };
}
