import type { ExportTarget } from '@shared/domain/export';
import type { ExportLead } from '../exportLeads';

/** A cell as written: text, a number (never neutralised: a number cannot be a formula), or empty. */
export type Cell = string | number | null;

export interface ColumnDef {
  /** Stable id, the key of the seller's saved choices. */
  key: string;
  /** The target's own column name. */
  header: string;
  description: string;
  /** The target refuses a row without it; the seller may rename it but not leave it out. */
  required?: boolean;
  /** Off until the seller turns it on. */
  off?: boolean;
  /** Reads the score's reasons (the breakdown is read from the database only when a column does). */
  needsReasons?: boolean;
  /** Reads the lead's distinct name (worked out only when a column does). */
  needsLeadName?: boolean;
  value(lead: ExportLead): Cell;
}

export interface ExportFormat {
  target: ExportTarget;
  label: string;
  summary: string;
  columns: readonly ColumnDef[];
  /** Most data rows one file may hold, or null. */
  maxRows: number | null;
  /** A suggested file name. */
  fileName: string;
}
