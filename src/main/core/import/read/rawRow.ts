/** One line of a sheet as read: its 1-based position in the file and its cells as text. */
export interface RawRow {
  /** 1-based line (CSV record) or row (XLSX) number in the file, counting blank and title rows. */
  line: number;
  cells: string[];
}

/**
 * A readable sheet: its rows in order, in batches (one await per batch, not per row: on a
 * 250,000-row file the per-row promise would cost more than the parsing), and how far through the
 * file the reading is.
 */
export interface RowStream {
  rows: AsyncIterable<RawRow[]>;
  /** 0..1 of the file consumed so far, for progress before the row count is known. */
  fraction(): number;
  /** Stops reading and releases the file. */
  close(): void;
}
