import type { Db } from '../db/database';

export interface ClusterView {
  entity_id: number;
  kind: 'company' | 'contact';
  /** Every raw row the record came from: its import and its 1-based data row number in the file. */
  rows: { batch: number; row: number }[];
}

/**
 * Every standing company and contact with the source rows behind it (merges included: a merged
 * record's rows point at the record it was merged into), for scoring results against ground truth.
 */
export function clusters(db: Db): ClusterView[] {
  const out: ClusterView[] = [];
  for (const [kind, column, table] of [
    ['company', 'company_id', 'companies'],
    ['contact', 'contact_id', 'contacts'],
  ] as const) {
    const rows = db
      .prepare(
        `SELECT e.id, s.batch_id, s.row_number FROM ${table} e
         JOIN source_rows s ON s.${column} = e.id
         JOIN import_batches b ON b.id = s.batch_id AND b.status = 'committed'
         WHERE e.merged_into IS NULL ORDER BY e.id, s.batch_id, s.row_number`,
      )
      .raw()
      .all() as [number, number, number][];
    let current: ClusterView | null = null;
    for (const [id, batch, row] of rows) {
      if (!current || current.entity_id !== id) {
        current = { entity_id: id, kind, rows: [] };
        out.push(current);
      }
      current.rows.push({ batch, row });
    }
  }
  return out;
}
